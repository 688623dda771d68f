#include "IdentitySources.h"

namespace gatehouse {

namespace {

std::optional<QString> nonEmpty(const QString &value) {
    if (value.isEmpty()) return std::nullopt;
    return value;
}

std::optional<QString> contextVariable(const QString &name, const GatewayRequest &request,
                                       const InvocationContext &context) {
    return nonEmpty(contextVariable(request, context, name));
}

} // namespace

std::optional<QString> resolveIdentitySource(const QString &expression, const GatewayRequest &request,
                                             const InvocationContext &context) {
    QString source = expression.trimmed();
    // REST spelling -> HTTP spelling, so one parser serves both.
    if (source.startsWith(QLatin1String("method.request.")))
        source = QStringLiteral("$request.") + source.mid(15);
    else if (source.startsWith(QLatin1String("stageVariables.")) ||
             source.startsWith(QLatin1String("context.")))
        source.prepend(QLatin1Char('$'));

    if (source.startsWith(QLatin1String("$request.header.")))
        return nonEmpty(headerValues(request.headers, QStringView(source).mid(16)).join(QLatin1Char(',')));
    if (source.startsWith(QLatin1String("$request.querystring."))) {
        const QString name = source.mid(21);
        QStringList values;
        for (const QueryParameter &parameter : parseQueryString(request.rawQueryString))
            if (parameter.name == name) values.append(parameter.value);
        return nonEmpty(values.join(QLatin1Char(',')));
    }
    if (source.startsWith(QLatin1String("$stageVariables."))) {
        const QString name = source.mid(16);
        for (const NameValue &variable : context.stageVariables)
            if (variable.name == name) return nonEmpty(variable.value);
        return std::nullopt;
    }
    if (source.startsWith(QLatin1String("$context.")))
        return contextVariable(source.mid(9), request, context);
    return std::nullopt;
}

} // namespace gatehouse
