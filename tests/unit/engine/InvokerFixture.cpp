#include "InvokerFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace gatehouse::test {

InvokerFixture::InvokerFixture() {
    project.name = QStringLiteral("fixture");
    project.settings.concurrencyLimit = 10;
}

Function &InvokerFixture::addFunction(const QString &name, const QMap<QString, QByteArray> &files,
                                      const QString &handler) {
    Function fn;
    fn.name = name;
    fn.runtime = QStringLiteral("javascript");
    fn.handler = handler;
    fn.codeUri = QStringLiteral("functions/") + name;
    fn.timeoutSeconds = 3;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        write(fn.codeUri + QLatin1Char('/') + it.key(), it.value());
    QDir().mkpath(QDir(folder()).filePath(fn.codeUri));
    project.functions.append(fn);
    return project.functions.last();
}

void InvokerFixture::write(const QString &relativePath, const QByteArray &content) const {
    const QString path = QDir(folder()).filePath(relativePath);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) file.write(content);
}

InvokerOptions InvokerFixture::fastOptions() {
    InvokerOptions options;
    options.asyncRetryDelays =
        QList<std::chrono::milliseconds>{std::chrono::milliseconds(10), std::chrono::milliseconds(20)};
    return options;
}

Invoker &InvokerFixture::start(InvokerOptions options) {
    m_invoker.reset();
    m_invoker = std::make_unique<Invoker>(project, folder(), &logs, std::move(options));
    return *m_invoker;
}

QByteArray compactJson(const QByteArray &json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? json : doc.toJson(QJsonDocument::Compact);
}

} // namespace gatehouse::test
