#include "FunctionReference.h"

#include <QRegularExpression>

namespace gatehouse::invokeapi {

namespace {

// The FunctionName pattern of the Invoke API reference, as Lambda quotes it in its ValidationException
// (the message text must stay AWS's; the expression we match with is the same one, anchored and with
// named groups).
const QString kFunctionNamePattern = QStringLiteral(
    R"((arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?)"
    R"(([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?)");
const QString kQualifierPattern = QStringLiteral("(|[a-zA-Z0-9$_-]+)");
constexpr qsizetype kMaxFunctionNameLength = 170; // "Length Constraints: Minimum length of 1. Maximum 170."
constexpr qsizetype kMaxQualifierLength = 128;

const QRegularExpression &functionNameExpression() {
    // thread_local: handlers run on several worker threads at once, and one QRegularExpression object
    // is only documented as reentrant, not thread-safe.
    thread_local const QRegularExpression expression(QStringLiteral(
        R"(^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:(?<region>[a-z]{2}(?:-gov|-isob?)?-[a-z]+-\d):)?)"
        R"((?:(?<account>\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9_.-]+)(?::(?<qualifier>\$LATEST|[a-zA-Z0-9_-]+))?$)"));
    return expression;
}

const QRegularExpression &qualifierExpression() {
    thread_local const QRegularExpression expression(QStringLiteral(R"(^[a-zA-Z0-9$_-]*$)"));
    return expression;
}

ApiError lengthError(const QString &field, const QString &value, qsizetype max) {
    return value.isEmpty()
               ? validationError(field, value,
                                 QStringLiteral("Member must have length greater than or equal to 1"))
               : validationError(field, value,
                                 QStringLiteral("Member must have length less than or equal to %1").arg(max));
}

} // namespace

QString FunctionReference::arn(const QString &defaultRegion, const QString &defaultAccount,
                               bool withQualifier) const {
    QString text = QStringLiteral("arn:aws:lambda:%1:%2:function:%3")
                       .arg(region.isEmpty() ? defaultRegion : region,
                            accountId.isEmpty() ? defaultAccount : accountId, name);
    if (withQualifier && !qualifier.isEmpty()) text += QLatin1Char(':') + qualifier;
    return text;
}

std::variant<FunctionReference, ApiError>
parseFunctionReference(const QString &functionName, const QString &qualifier, bool qualifierGiven) {
    const QString field = QStringLiteral("functionName");
    if (functionName.isEmpty() || functionName.size() > kMaxFunctionNameLength)
        return lengthError(field, functionName, kMaxFunctionNameLength);
    const QRegularExpressionMatch match = functionNameExpression().match(functionName);
    if (!match.hasMatch())
        return validationError(field, functionName,
                               QStringLiteral("Member must satisfy regular expression pattern: ") +
                                   kFunctionNamePattern);
    if (qualifierGiven) {
        const QString qualifierField = QStringLiteral("qualifier");
        if (qualifier.isEmpty() || qualifier.size() > kMaxQualifierLength)
            return lengthError(qualifierField, qualifier, kMaxQualifierLength);
        if (!qualifierExpression().match(qualifier).hasMatch())
            return validationError(qualifierField, qualifier,
                                   QStringLiteral("Member must satisfy regular expression pattern: ") +
                                       kQualifierPattern);
    }

    FunctionReference reference{match.captured(u"name"), match.captured(u"qualifier"),
                                match.captured(u"region"), match.captured(u"account")};
    if (qualifierGiven) {
        // Invoke API reference / Lambda's InvalidParameterValueException: a qualifier in the name and a
        // different one in ?Qualifier= is refused rather than one of them silently winning.
        if (!reference.qualifier.isEmpty() && reference.qualifier != qualifier)
            return invalidParameterValue(QStringLiteral(
                "The derived qualifier from the function name does not match the specified qualifier."));
        reference.qualifier = qualifier;
    }
    return reference;
}

} // namespace gatehouse::invokeapi
