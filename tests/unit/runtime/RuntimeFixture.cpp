#include "RuntimeFixture.h"

#include "invoker/RuntimeLaunch.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::test {

Function &addRuntimeFunction(InvokerFixture &fixture, const QString &name, const QString &runtime,
                             const QMap<QString, QByteArray> &files, const QString &handler) {
    Function &fn = fixture.addFunction(name, files, handler);
    fn.runtime = runtime;
    return fn;
}

QString runtimeUnavailable(const QString &runtime) {
    EnvironmentSpec spec;
    spec.function.runtime = runtime;
    spec.codeDir = QStringLiteral("/");
    return runtimelaunch::plan(spec).problem;
}

QRegularExpression reportLinePattern(const QString &requestId) {
    return QRegularExpression(
        QStringLiteral("^REPORT RequestId: %1\\tDuration: (\\d+\\.\\d\\d) ms\\tBilled Duration: "
                       "(\\d+) ms\\tMemory Size: (\\d+) MB\\tMax Memory Used: (\\d+) MB"
                       "(?:\\tInit Duration: (\\d+\\.\\d\\d) ms)?$")
            .arg(QRegularExpression::escape(requestId)));
}

bool processGone(qint64 pid) {
    return pid > 0 && !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

bool processEnded(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

QString ricEntry() {
    const QString entry = QStringLiteral("/tmp/validate-tools/ric/node_modules/aws-lambda-ric/bin/index.mjs");
    return QFileInfo::exists(entry) ? entry : QString();
}

QJsonObject jsonObject(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace gatehouse::test
