// {{variable}} substitution in saved requests, and the variables a run offers: the chosen
// environment's (Project::environments) plus the base URL of each API of the local cloud.
#pragma once

#include "project/SavedRequest.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace gatehouse::testing {

using VariableMap = QMap<QString, QString>;

struct Substitution {
    QString text;        // unknown variables stay as written, as Postman leaves them
    QStringList unknown; // their names, in order of first appearance
};

// Replaces every {{name}} (the name exactly as written between the braces, as in Postman) once;
// values are not substituted again, so a value containing {{x}} is sent literally.
Substitution substituteVariables(const QString &text, const VariableMap &variables);

VariableMap environmentVariables(const VariableSet &environment);

// "hello-http" -> "helloHttp", "pets_rest v2" -> "petsRestV2": the form the sample's environment and
// hand-written Postman environments use, since {{hello-http}} is awkward in scripts.
QString camelCaseName(const QString &apiName);

// Built-in variables from LocalCloud::endpointsJson(): for each HTTP and REST API its base URL
// (without a trailing slash; a REST API's stage is part of the request's path) under the API's name
// and its camelCase form ({{hello-http}} and {{helloHttp}}), and {{baseUrl}} for the first of them.
VariableMap localEndpointVariables(const QJsonObject &endpoints);

// The environment's variables overlaid with the built-ins: the local cloud a run starts listens on
// free ports, so an environment written for `gatehouse serve --port 3000` still reaches it.
VariableMap runVariables(const VariableMap &environment, const VariableMap &builtIns);

} // namespace gatehouse::testing
