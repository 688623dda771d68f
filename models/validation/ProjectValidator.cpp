// validateProject(): runs the checks of each part of the project in file order, plus the project
// settings and the saved requests, which are small enough to live here.
#include "ProjectValidator.h"

#include "NamingRules.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse {

namespace validation {

void checkSettings(const Project &project, Reporter &r) {
    const ProjectSettings &s = project.settings;
    const QString path = QStringLiteral("settings");
    if (s.billingGranularity != QLatin1String("1ms") && s.billingGranularity != QLatin1String("100ms"))
        r.error(
            at(path, "billingGranularity"),
            QCoreApplication::translate("gatehouse::Validation", "billing granularity '%1' is not supported")
                .arg(s.billingGranularity),
            QCoreApplication::translate("gatehouse::Validation",
                                        "use \"1ms\" (AWS since December 2020) or \"100ms\" (before)"));
    checkRange(
        r, path, "concurrencyLimit", s.concurrencyLimit, 1, 1000,
        QCoreApplication::translate("gatehouse::Validation",
                                    "1 to 1000 concurrent environments (Lambda's default account quota)"));
    if (s.idleEnvironmentSeconds < 1)
        r.error(at(path, "idleEnvironmentSeconds"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "idleEnvironmentSeconds must be at least 1, found %1")
                    .arg(s.idleEnvironmentSeconds),
                QCoreApplication::translate("gatehouse::Validation",
                                            "how long a warm environment waits before it is "
                                            "reaped, e.g. 300"));
    checkRange(r, path, "asyncRetryDelaySeconds", s.asyncRetryDelaySeconds, 0, 3600,
               QCoreApplication::translate("gatehouse::Validation",
                                           "the wait before the first retry of a failed asynchronous event "
                                           "(Lambda: 60 s; the second retry waits twice as long)"));
    if (!naming::isValidRegion(s.region))
        r.error(at(path, "region"),
                QCoreApplication::translate("gatehouse::Validation", "'%1' does not look like an AWS region")
                    .arg(s.region),
                QCoreApplication::translate("gatehouse::Validation", "e.g. 'us-east-1' or 'eu-west-3'"));
    // SigV4 access key ids are 16 to 128 word characters (IAM API reference, AccessKey); the secret
    // may be anything but empty. Clients refuse to sign with an empty one.
    if (s.credentials) {
        static const QRegularExpression keyId(QStringLiteral("^\\w{16,128}$"));
        if (!keyId.match(s.credentials->accessKeyId).hasMatch())
            r.error(at(at(path, "credentials"), "accessKeyId"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "access key id '%1' is not 16 to 128 letters, digits or '_'")
                        .arg(s.credentials->accessKeyId),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. 'AKIAIOSFODNN7EXAMPLE'"));
        if (s.credentials->secretAccessKey.isEmpty())
            r.error(at(at(path, "credentials"), "secretAccessKey"),
                    QCoreApplication::translate("gatehouse::Validation", "the secret access key is empty"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "set the secret that clients sign with, or remove "
                                                "\"credentials\" to accept any signature"));
    }
    if (!naming::isValidAccountId(s.accountId))
        r.error(at(path, "accountId"),
                QCoreApplication::translate("gatehouse::Validation", "account id '%1' is not 12 digits")
                    .arg(s.accountId),
                QCoreApplication::translate("gatehouse::Validation", "e.g. '123456789012'"));
}

void checkRequests(const Project &project, Reporter &r) {
    QStringList names;
    for (qsizetype i = 0; i < project.requests.size(); ++i) {
        const SavedRequest &request = project.requests[i];
        const QString path = at(QStringLiteral("requests"), i);
        names.append(request.name);
        if (request.name.isEmpty())
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "a saved request needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. \"List items\""));
        if (!naming::isHttpMethod(request.method, false))
            r.error(at(path, "method"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not an HTTP method")
                        .arg(request.method),
                    QCoreApplication::translate("gatehouse::Validation", "use one of: %1")
                        .arg(naming::httpMethods(false).join(QLatin1String(", "))));
        if (request.url.trimmed().isEmpty())
            r.error(at(path, "url"),
                    QCoreApplication::translate("gatehouse::Validation", "a saved request needs a url"),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. '{{baseUrl}}/items'"));
    }
    // Requests are found by name in the UI, but two with one name still run: advice only.
    checkUniqueNames(
        r, names, [](qsizetype i) { return at(QStringLiteral("requests"), i); },
        Diagnostic::Severity::Warning);
}

} // namespace validation

Diagnostics validateProject(const Project &project, const ValidationOptions &options) {
    validation::Reporter reporter(options);
    validation::checkSettings(project, reporter);
    validation::checkFunctions(project, reporter);
    validation::checkApis(project, reporter);
    validation::checkAuthorizers(project, reporter);
    validation::checkBuckets(project, reporter);
    validation::checkSchedules(project, reporter);
    validation::checkQueues(project, reporter);
    validation::checkRequests(project, reporter);
    return reporter.diagnostics();
}

} // namespace gatehouse
