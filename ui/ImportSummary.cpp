#include "ImportSummary.h"

#include <QStringList>
#include <algorithm>

namespace gatehouse {

QString ImportSummary::text(const ImportResult &result) {
    const Project &p = result.project;
    qsizetype routes = 0;
    for (const Api &api : p.apis)
        routes += api.routes.size();
    QStringList parts;
    if (!p.functions.isEmpty()) parts << tr("%n function(s)", "", int(p.functions.size()));
    if (!p.apis.isEmpty())
        parts << tr("%1 with %2")
                     .arg(tr("%n API(s)", "", int(p.apis.size())), tr("%n route(s)", "", int(routes)));
    if (!p.authorizers.isEmpty()) parts << tr("%n authorizer(s)", "", int(p.authorizers.size()));
    if (!p.buckets.isEmpty()) parts << tr("%n bucket(s)", "", int(p.buckets.size()));
    if (!p.queues.isEmpty()) parts << tr("%n queue(s)", "", int(p.queues.size()));
    if (!p.schedules.isEmpty()) parts << tr("%n schedule(s)", "", int(p.schedules.size()));
    if (!p.requests.isEmpty()) parts << tr("%n saved request(s)", "", int(p.requests.size()));
    if (!p.environments.isEmpty()) parts << tr("%n environment(s)", "", int(p.environments.size()));
    if (parts.isEmpty() && result.files.isEmpty()) return tr("Nothing to import.");
    QString summary = parts.join(QStringLiteral(", "));
    if (!result.files.isEmpty()) {
        const auto stubs = std::count_if(result.files.begin(), result.files.end(),
                                         [](const ImportedFile &f) { return f.stub; });
        QString code = tr("%n code file(s)", "", int(result.files.size()));
        if (stubs > 0) code = QStringLiteral("%1 (%2)").arg(code, tr("%n placeholder(s)", "", int(stubs)));
        summary = summary.isEmpty() ? code : QStringLiteral("%1; %2").arg(summary, code);
    }
    return summary;
}

QString ImportSummary::folderName(const QString &projectName) {
    QString name = projectName.trimmed();
    for (QChar &c : name)
        if (c.unicode() < 0x20 || QStringLiteral("/\\:*?\"<>|").contains(c)) c = QLatin1Char('-');
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("imported-project") : name;
}

} // namespace gatehouse
