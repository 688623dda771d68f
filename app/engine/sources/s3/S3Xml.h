// The XML of the S3 REST API: writing response documents (in S3's namespace
// http://s3.amazonaws.com/doc/2006-03-01/) and reading the two request bodies the subset takes,
// DeleteObjects' <Delete> and CompleteMultipartUpload's <CompleteMultipartUpload> (S3 API reference,
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html and
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html).
#pragma once

#include "BucketStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QXmlStreamWriter>
#include <optional>

namespace gatehouse::s3 {

class XmlOut {
public:
    XmlOut();
    void begin(const char *root, bool withNamespace = true);
    void open(const char *name) { m_writer.writeStartElement(QLatin1String(name)); }
    void close() { m_writer.writeEndElement(); }
    void element(const char *name, const QString &text);
    void text(const QString &text) { m_writer.writeCharacters(text); }
    void element(const QByteArray &name, const QString &text) { element(name.constData(), text); }
    QByteArray finish();

private:
    QByteArray m_bytes;
    QXmlStreamWriter m_writer;
};

// "2009-10-12T17:50:30.000Z", the timestamps of S3's XML.
QString xmlTimestamp(const QDateTime &time);

struct DeleteRequest {
    bool quiet = false;
    QStringList keys;
    QStringList versionIds; // one per key, empty when the object names none
};
std::optional<DeleteRequest> parseDeleteRequest(const QByteArray &xml);
std::optional<QList<CompletedPart>> parseCompleteRequest(const QByteArray &xml);
// PutBucketVersioning's <VersioningConfiguration><Status>Enabled|Suspended</Status>: the status, or
// nullopt for another document.
std::optional<Versioning> parseVersioningConfiguration(const QByteArray &xml);

} // namespace gatehouse::s3
