#include "UnknownFieldWarnings.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

class Walker {
public:
    Walker(const QString &format, ExportReport &report)
        : m_format(format)
        , m_report(report) {}

    void check(const QString &path, const UnknownFields &unknown) {
        if (unknown.empty()) return;
        QStringList keys;
        for (const auto &item : unknown.values.items())
            keys.append(QString::fromStdString(item.key()));
        m_report.warning(
            path, QCoreApplication::translate("gatehouse::Export",
                                              "unknown field(s) %1 are not exported to %2: this version of "
                                              "Gatehouse does not know what they mean")
                      .arg(keys.join(QStringLiteral(", ")), m_format));
    }

    void throttle(const QString &path, const ThrottleSettings &t) {
        check(fieldPath(path, "throttling"), t.unknown);
    }

    void requests(const Project &p) {
        for (qsizetype i = 0; i < p.requests.size(); ++i) {
            const QString path = elementPath("requests", i);
            check(path, p.requests[i].unknown);
            for (qsizetype a = 0; a < p.requests[i].assertions.size(); ++a)
                check(elementPath(path, "assertions", a), p.requests[i].assertions[a].unknown);
        }
        for (qsizetype i = 0; i < p.environments.size(); ++i)
            check(elementPath("environments", i), p.environments[i].unknown);
    }

    void design(const Project &p) {
        check({}, p.unknown);
        check(QStringLiteral("settings"), p.settings.unknown);
        for (qsizetype i = 0; i < p.functions.size(); ++i)
            check(elementPath("functions", i), p.functions[i].unknown);
        for (qsizetype i = 0; i < p.apis.size(); ++i)
            api(elementPath("apis", i), p.apis[i]);
        for (qsizetype i = 0; i < p.authorizers.size(); ++i) {
            const Authorizer &a = p.authorizers[i];
            const QString path = elementPath("authorizers", i);
            check(path, a.unknown);
            check(fieldPath(path, "usagePlan"), a.usagePlanThrottling.unknown);
            if (a.usagePlanQuota)
                check(fieldPath(fieldPath(path, "usagePlan"), "quota"), a.usagePlanQuota->unknown);
            for (qsizetype k = 0; k < a.apiKeys.size(); ++k)
                check(elementPath(path, "apiKeys", k), a.apiKeys[k].unknown);
        }
        for (qsizetype i = 0; i < p.buckets.size(); ++i) {
            const QString path = elementPath("buckets", i);
            check(path, p.buckets[i].unknown);
            for (qsizetype n = 0; n < p.buckets[i].notifications.size(); ++n)
                check(elementPath(path, "notifications", n), p.buckets[i].notifications[n].unknown);
        }
        for (qsizetype i = 0; i < p.schedules.size(); ++i)
            check(elementPath("schedules", i), p.schedules[i].unknown);
        for (qsizetype i = 0; i < p.queues.size(); ++i) {
            const QString path = elementPath("queues", i);
            check(path, p.queues[i].unknown);
            if (p.queues[i].trigger) check(fieldPath(path, "trigger"), p.queues[i].trigger->unknown);
        }
    }

private:
    void api(const QString &path, const Api &a) {
        check(path, a.unknown);
        throttle(path, a.throttling);
        if (a.cors) check(fieldPath(path, "cors"), a.cors->unknown);
        for (qsizetype r = 0; r < a.routes.size(); ++r) {
            const QString routePath = elementPath(path, "routes", r);
            check(routePath, a.routes[r].unknown);
            check(fieldPath(routePath, "integration"), a.routes[r].integration.unknown);
            throttle(routePath, a.routes[r].throttling);
        }
        for (qsizetype s = 0; s < a.stages.size(); ++s) {
            const QString stagePath = elementPath(path, "stages", s);
            check(stagePath, a.stages[s].unknown);
            throttle(stagePath, a.stages[s].throttling);
        }
        for (qsizetype d = 0; d < a.customDomains.size(); ++d) {
            const QString domainPath = elementPath(path, "customDomains", d);
            check(domainPath, a.customDomains[d].unknown);
            for (qsizetype m = 0; m < a.customDomains[d].mappings.size(); ++m)
                check(elementPath(domainPath, "basePathMappings", m), a.customDomains[d].mappings[m].unknown);
        }
    }

    const QString &m_format;
    ExportReport &m_report;
};

} // namespace

void warnAboutUnknownFields(const Project &project, const QString &formatTitle, UnknownFieldScope scope,
                            ExportReport &report) {
    Walker walker(formatTitle, report);
    if (scope == UnknownFieldScope::Design)
        walker.design(project);
    else
        walker.requests(project);
}

} // namespace gatehouse
