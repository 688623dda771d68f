// Checks of the APIs as a whole: names, ports, API-type-specific settings and custom domains; routes,
// stages and CORS have their own files.
#include "NamingRules.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace gatehouse::validation {

namespace {

void checkTypeSpecificSettings(const Api &api, const QString &path, Reporter &r) {
    if (!api.routeSelectionExpression.isEmpty()) {
        // WebSocket route selection: "$request.body.{path}" (websocket-api-develop-routes.html).
        static const QRegularExpression pattern(
            QStringLiteral("^\\$request\\.body\\.[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"));
        if (api.type != ApiType::WebSocket)
            r.warning(at(path, "routeSelectionExpression"),
                      QCoreApplication::translate("gatehouse::Validation",
                                                  "routeSelectionExpression is only used by WebSocket APIs"),
                      QCoreApplication::translate("gatehouse::Validation", "remove it"));
        else if (!pattern.match(api.routeSelectionExpression).hasMatch())
            r.error(
                at(path, "routeSelectionExpression"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "'%1' is not a route selection expression")
                    .arg(api.routeSelectionExpression),
                QCoreApplication::translate("gatehouse::Validation",
                                            "write '$request.body.<property>', e.g. '$request.body.action'"));
    }
    if (!api.binaryMediaTypes.isEmpty() && api.type != ApiType::Rest)
        r.warning(at(path, "binaryMediaTypes"),
                  QCoreApplication::translate("gatehouse::Validation",
                                              "binaryMediaTypes is only used by REST APIs"),
                  QCoreApplication::translate("gatehouse::Validation",
                                              "HTTP APIs decide by the isBase64Encoded flag; remove it"));
    static const QRegularExpression mediaType(QStringLiteral("^[^/\\s]+/[^/\\s]+$"));
    for (qsizetype k = 0; k < api.binaryMediaTypes.size(); ++k)
        if (!mediaType.match(api.binaryMediaTypes[k]).hasMatch())
            r.error(at(at(path, "binaryMediaTypes"), k),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not a media type")
                        .arg(api.binaryMediaTypes[k]),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. 'image/png' or '*/*'"));
}

// HTTP and WebSocket APIs without stages are served on an automatic "$default" stage.
QStringList stageNames(const Api &api) {
    QStringList names;
    for (const Stage &s : api.stages)
        names.append(s.name);
    if (names.isEmpty() && api.type != ApiType::Rest) names.append(QStringLiteral("$default"));
    return names;
}

// Custom domains: host names, mappings to this API's stages, and one API per base path of a domain.
void checkCustomDomains(const Project &project, Reporter &r) {
    QHash<QString, QString> mappedBy; // "domain\nbasePath" -> JSON path of the first mapping
    for (qsizetype i = 0; i < project.apis.size(); ++i) {
        const Api &api = project.apis[i];
        const QString apiPath = at(QStringLiteral("apis"), i);
        for (qsizetype d = 0; d < api.customDomains.size(); ++d) {
            const CustomDomain &domain = api.customDomains[d];
            const QString domainPath = at(at(apiPath, "customDomains"), d);
            if (!naming::isValidDomainName(domain.domainName))
                r.error(
                    at(domainPath, "domainName"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid domain name")
                        .arg(domain.domainName),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. 'api.example.com'"));
            for (qsizetype m = 0; m < domain.mappings.size(); ++m) {
                const BasePathMapping &mapping = domain.mappings[m];
                const QString mappingPath = at(at(domainPath, "basePathMappings"), m);
                if (!stageNames(api).contains(mapping.stage))
                    r.error(at(mappingPath, "stage"),
                            QCoreApplication::translate("gatehouse::Validation",
                                                        "references unknown stage '%1' of API '%2'")
                                .arg(mapping.stage, api.name),
                            referenceHint(mapping.stage, stageNames(api)));
                const QString basePath =
                    mapping.basePath.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/'));
                const QString key = domain.domainName.toLower() + QLatin1Char('\n') + basePath;
                if (mappedBy.contains(key))
                    r.error(at(mappingPath, "basePath"),
                            QCoreApplication::translate("gatehouse::Validation",
                                                        "base path '%1' of '%2' is already mapped by %3")
                                .arg(basePath.isEmpty() ? QStringLiteral("(none)") : basePath,
                                     domain.domainName, mappedBy.value(key)),
                            QCoreApplication::translate("gatehouse::Validation",
                                                        "each base path of a domain leads to one API stage"));
                else
                    mappedBy.insert(key, mappingPath);
            }
        }
    }
}

} // namespace

void checkApis(const Project &project, Reporter &r) {
    QStringList names;
    QHash<int, qsizetype> ports;
    for (qsizetype i = 0; i < project.apis.size(); ++i) {
        const Api &api = project.apis[i];
        const QString path = at(QStringLiteral("apis"), i);
        names.append(api.name);
        if (api.name.isEmpty())
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "an API needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "add \"name\": \"my-api\""));
        if (checkRange(r, path, "port", api.port, 0, 65535,
                       QCoreApplication::translate("gatehouse::Validation",
                                                   "use 0 to pick a free port, or 1 to 65535")) &&
            api.port != 0) {
            if (ports.contains(api.port))
                r.error(at(path, "port"),
                        QCoreApplication::translate("gatehouse::Validation",
                                                    "port %1 is also used by API '%2' (%3)")
                            .arg(api.port)
                            .arg(project.apis[ports.value(api.port)].name,
                                 at(QStringLiteral("apis"), ports.value(api.port))),
                        QCoreApplication::translate("gatehouse::Validation",
                                                    "give each API its own port, or 0 to pick a free one"));
            else
                ports.insert(api.port, i);
            if (api.port < 1024)
                r.warning(
                    at(path, "port"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "port %1 usually needs administrator rights")
                        .arg(api.port),
                    QCoreApplication::translate("gatehouse::Validation", "use a port above 1023, or 0"));
        }
        checkTypeSpecificSettings(api, path, r);
        checkThrottle(r, api.throttling, at(path, "throttling"));
        checkRoutes(project, i, r);
        checkStages(api, path, r);
        checkCors(api, path, r);
    }
    checkUniqueNames(r, names, [](qsizetype i) { return at(QStringLiteral("apis"), i); });
    checkCustomDomains(project, r);
}

} // namespace gatehouse::validation
