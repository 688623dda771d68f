#include "RuntimeShims.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <unistd.h>

namespace gatehouse::runtimeshims {

namespace {

constexpr auto kResourceRoot = ":/gatehouse/runtimes";

struct Shim {
    QString relativePath;
    QByteArray content;
};

QList<Shim> bundledShims() {
    QList<Shim> out;
    QDirIterator it(QString::fromLatin1(kResourceRoot), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        out.append({QDir(QString::fromLatin1(kResourceRoot)).relativeFilePath(path), file.readAll()});
    }
    std::sort(out.begin(), out.end(),
              [](const Shim &a, const Shim &b) { return a.relativePath < b.relativePath; });
    return out;
}

bool writeIfDifferent(const QString &path, const QByteArray &content) {
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.size() == content.size() &&
        existing.readAll() == content)
        return true;
    existing.close();
    if (!QDir().mkpath(QFileInfo(path).path())) return false;
    QSaveFile file(path); // atomic: another Gatehouse process may be extracting the same files
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(content);
    return file.commit();
}

QString extract(QString *problem) {
    const QList<Shim> shims = bundledShims();
    if (shims.isEmpty()) {
        *problem = QCoreApplication::translate("gatehouse::Invoker",
                                               "the runtime bootstrap files are missing from this build");
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Shim &shim : shims) {
        hash.addData(shim.relativePath.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(shim.content);
    }
    const QString key = QString::fromLatin1(hash.result().toHex().left(16));
    QStringList bases{QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
                      QDir::tempPath() + QStringLiteral("/gatehouse-%1").arg(::getuid())};
    for (const QString &base : bases) {
        if (base.isEmpty()) continue;
        const QString dir = base + QStringLiteral("/gatehouse-runtimes/") + key;
        bool ok = true;
        for (const Shim &shim : shims)
            ok = ok && writeIfDifferent(dir + QLatin1Char('/') + shim.relativePath, shim.content);
        if (ok) return dir;
    }
    *problem = QCoreApplication::translate("gatehouse::Invoker",
                                           "cannot write the runtime bootstrap files to %1 or %2")
                   .arg(bases.at(0), bases.at(1));
    return {};
}

} // namespace

QString directory(QString *problem) {
    if (const QByteArray dir = qgetenv("GATEHOUSE_RUNTIMES_DIR"); !dir.isEmpty())
        return QString::fromLocal8Bit(dir);
    static QMutex mutex;
    static QString extracted;
    QMutexLocker lock(&mutex);
    if (extracted.isEmpty()) extracted = extract(problem);
    return extracted;
}

} // namespace gatehouse::runtimeshims
