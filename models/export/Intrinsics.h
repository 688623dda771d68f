// CloudFormation intrinsic functions in their long JSON form ({"Ref": X}, {"Fn::Sub": S}, ...), the
// shape both the SAM exporter builds and the importer reads (YAML short tags are converted to it).
#pragma once

#include "project/UnknownFields.h"

#include <QString>

namespace gatehouse::cfn {

inline OrderedJson text(const QString &value) {
    return value.toStdString();
}
inline OrderedJson ref(const QString &logicalId) {
    return OrderedJson{{"Ref", logicalId.toStdString()}};
}
inline OrderedJson getAtt(const QString &logicalId, const QString &attribute) {
    OrderedJson args = OrderedJson::array({logicalId.toStdString(), attribute.toStdString()});
    return OrderedJson{{"Fn::GetAtt", std::move(args)}};
}
inline OrderedJson sub(const QString &pattern) {
    return OrderedJson{{"Fn::Sub", pattern.toStdString()}};
}
inline OrderedJson join(const QString &separator, OrderedJson parts) {
    return OrderedJson{{"Fn::Join", OrderedJson::array({separator.toStdString(), std::move(parts)})}};
}

// The URI API Gateway invokes a Lambda function through, in the Fn::Sub form SAM templates and
// OpenAPI definitions use (API GW dev guide, "x-amazon-apigateway-integration object":
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html).
inline QString lambdaInvocationUriPattern(const QString &functionLogicalId) {
    return QStringLiteral(
               "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${%1.Arn}/"
               "invocations")
        .arg(functionLogicalId);
}

} // namespace gatehouse::cfn
