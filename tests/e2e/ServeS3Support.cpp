#include "ServeS3Support.h"

#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QUrl>

namespace gatehouse::test {

namespace {

bool editProjectFile(const QString &project, const ProjectEdit &edit) {
    QFile file(project + QStringLiteral("/gatehouse.json"));
    if (!file.open(QIODevice::ReadOnly)) return false;
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    edit(root);
    return writeFile(file.fileName(), QJsonDocument(root).toJson());
}

} // namespace

bool serveSampleCopy(ServeProcess &serve, const QString &project, const QString &endpointsFile,
                     const ProjectEdit &edit) {
    if (!copyTree(samplePath(), project)) {
        qWarning("could not copy the sample to %s", qPrintable(project));
        return false;
    }
    if (edit && !editProjectFile(project, edit)) {
        qWarning("could not edit %s/gatehouse.json", qPrintable(project));
        return false;
    }
    return serve.start(project, endpointsFile);
}

QString endpointUrl(const ServeProcess &serve, const QString &endpoint) {
    return serve.endpoints().value(endpoint)[QStringLiteral("url")].toString();
}

double metric(const QByteArray &page, const QByteArray &nameAndLabels) {
    for (const QByteArray &line : page.split('\n'))
        if (line.startsWith(nameAndLabels + ' ')) return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

bool functionRan(HttpClient &client, const ServeProcess &serve, const QString &function, double count,
                 int timeoutMs) {
    const QUrl url(serve.endpoints().value(QStringLiteral("admin"))[QStringLiteral("metrics")].toString());
    const QByteArray label = "{function=\"" + function.toUtf8() + "\"}";
    return waitFor(
        [&] {
            const QByteArray page = client.get(url).body;
            return metric(page, "gatehouse_lambda_invocations_total" + label) == count &&
                   metric(page, "gatehouse_lambda_concurrent_executions" + label) <= 0;
        },
        timeoutMs);
}

bool writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace gatehouse::test
