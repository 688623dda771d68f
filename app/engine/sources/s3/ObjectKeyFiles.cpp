#include "ObjectKeyFiles.h"

#include "invoker/ThreadRandom.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace gatehouse::s3 {

QString objectFileStem(const QString &key) {
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool isValidObjectKey(const QString &key) {
    return !key.isEmpty() && key.toUtf8().size() <= kMaxKeyBytes;
}

bool isWellFormedUploadId(const QString &id) {
    if (id.size() < 16 || id.size() > 128) return false;
    for (const QChar c : id)
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))))
            return false;
    return true;
}

QString newUploadId() {
    // Real upload ids are long opaque strings; 32 random bytes as base64url without the punctuation.
    return QString::fromLatin1(randomBytes(32, *QRandomGenerator::system()).toHex());
}

QString newVersionId() {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 32; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    return id;
}

bool isWellFormedVersionId(const QString &id) {
    if (id == QLatin1String("null")) return true;
    if (id.isEmpty() || id.size() > 64) return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
    });
}

QString newGeneration() {
    return QStringLiteral("%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

} // namespace gatehouse::s3
