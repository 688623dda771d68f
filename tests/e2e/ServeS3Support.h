// What the S3 end-to-end tests share around `gatehouse serve`: a copy of the bundled sample (edited
// when a test needs other settings) served with its endpoints file, an endpoint's URL, and the
// sample function's finished runs counted on the admin metrics page.
#pragma once

#include "ServeProcess.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace gatehouse::test {

using ProjectEdit = std::function<void(QJsonObject &root)>;

// Copies the bundled sample to `project`, lets `edit` change its gatehouse.json (when given) and
// starts `gatehouse serve` on it, its endpoints file `endpointsFile`. False (with a warning or
// serve's stderr) when any step fails.
bool serveSampleCopy(ServeProcess &serve, const QString &project, const QString &endpointsFile,
                     const ProjectEdit &edit = {});

// The URL of the named endpoint ("s3", "sqs") in the endpoints file.
QString endpointUrl(const ServeProcess &serve, const QString &endpoint);

// The value of the sample `nameAndLabels` (`name{label="x"}`) on a Prometheus text page; -1 when absent.
double metric(const QByteArray &page, const QByteArray &nameAndLabels);

// Waits until `function` has finished `count` invocations with nothing running (admin /metrics).
bool functionRan(HttpClient &client, const ServeProcess &serve, const QString &function, double count,
                 int timeoutMs = 60000);

// Writes `content` to `path`, replacing what was there.
bool writeFile(const QString &path, const QByteArray &content);

} // namespace gatehouse::test
