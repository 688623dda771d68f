// How a Lambda API request names a function: a name, a partial or full ARN, with an optional
// qualifier in the name or in ?Qualifier= (Lambda API reference, "Invoke", FunctionName and Qualifier).
#pragma once

#include "InvokeApiErrors.h"

#include <QString>
#include <variant>

namespace gatehouse::invokeapi {

struct FunctionReference {
    QString name;
    QString qualifier; // "" when neither the name nor ?Qualifier= gives one
    QString region;    // from an ARN or "region:account:function:name"; "" when not given
    QString accountId; // "" when not given

    // arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>], with the given region and account
    // standing in for the parts the reference leaves out.
    QString arn(const QString &defaultRegion, const QString &defaultAccount, bool withQualifier = true) const;
};

// Parses the {FunctionName} path parameter (already percent-decoded) and the Qualifier query parameter
// (`qualifierGiven` false when the query had none). Formats, from the API reference:
//   my-function, my-function:v1, 123456789012:function:my-function[:v1],
//   arn:aws:lambda:us-west-2:123456789012:function:my-function[:v1].
// Errors: ValidationException (name or qualifier pattern, name length 1..170, qualifier 1..128) and
// InvalidParameterValueException when the two qualifiers differ.
std::variant<FunctionReference, ApiError>
parseFunctionReference(const QString &functionName, const QString &qualifier, bool qualifierGiven);

} // namespace gatehouse::invokeapi
