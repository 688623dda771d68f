#include "S3Xml.h"

#include <QXmlStreamReader>

namespace gatehouse::s3 {

namespace {

// XML 1.0 cannot carry most control characters, not even as references; S3 itself asks clients to
// use encoding-type=url for such keys. They become U+FFFD here rather than an unreadable document.
QString xmlSafe(const QString &text) {
    QString out = text;
    for (QChar &c : out)
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            c = QChar(QChar::ReplacementCharacter);
    return out;
}

} // namespace

XmlOut::XmlOut()
    : m_writer(&m_bytes) {}

void XmlOut::begin(const char *root, bool withNamespace) {
    m_writer.writeStartDocument();
    m_writer.writeStartElement(QLatin1String(root));
    if (withNamespace)
        m_writer.writeDefaultNamespace(QStringLiteral("http://s3.amazonaws.com/doc/2006-03-01/"));
}

void XmlOut::element(const char *name, const QString &text) {
    m_writer.writeTextElement(QLatin1String(name), xmlSafe(text));
}

QByteArray XmlOut::finish() {
    m_writer.writeEndDocument();
    return m_bytes;
}

QString xmlTimestamp(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

std::optional<DeleteRequest> parseDeleteRequest(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    DeleteRequest request;
    if (!reader.readNextStartElement() || reader.name() != QLatin1String("Delete")) return std::nullopt;
    while (reader.readNextStartElement()) {
        if (reader.name() == QLatin1String("Quiet")) {
            request.quiet = reader.readElementText().trimmed() == QLatin1String("true");
        } else if (reader.name() == QLatin1String("Object")) {
            std::optional<QString> key;
            QString versionId;
            while (reader.readNextStartElement()) {
                if (reader.name() == QLatin1String("Key"))
                    key = reader.readElementText();
                else if (reader.name() == QLatin1String("VersionId"))
                    versionId = reader.readElementText().trimmed();
                else
                    reader.skipCurrentElement();
            }
            if (!key) return std::nullopt;
            request.keys.append(*key);
            request.versionIds.append(versionId);
        } else {
            reader.skipCurrentElement();
        }
    }
    // "The request can contain a list of up to 1000 keys" (DeleteObjects).
    if (reader.hasError() || request.keys.isEmpty() || request.keys.size() > 1000) return std::nullopt;
    return request;
}

std::optional<QList<CompletedPart>> parseCompleteRequest(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    QList<CompletedPart> parts;
    if (!reader.readNextStartElement() || reader.name() != QLatin1String("CompleteMultipartUpload"))
        return std::nullopt;
    while (reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("Part")) {
            reader.skipCurrentElement();
            continue;
        }
        CompletedPart part;
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("PartNumber"))
                part.partNumber = reader.readElementText().trimmed().toInt();
            else if (reader.name() == QLatin1String("ETag"))
                part.eTag = reader.readElementText().trimmed();
            else
                reader.skipCurrentElement();
        }
        if (part.partNumber < 1 || part.partNumber > 10000 || part.eTag.isEmpty()) return std::nullopt;
        parts.append(part);
    }
    if (reader.hasError() || parts.isEmpty()) return std::nullopt;
    return parts;
}

std::optional<Versioning> parseVersioningConfiguration(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement() || reader.name() != QLatin1String("VersioningConfiguration"))
        return std::nullopt;
    std::optional<Versioning> status;
    while (reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("Status")) {
            reader.skipCurrentElement(); // MfaDelete: nothing to enforce locally
            continue;
        }
        const QString text = reader.readElementText().trimmed();
        if (text == QLatin1String("Enabled"))
            status = Versioning::Enabled;
        else if (text == QLatin1String("Suspended"))
            status = Versioning::Suspended;
        else
            return std::nullopt;
    }
    if (reader.hasError()) return std::nullopt;
    return status;
}

} // namespace gatehouse::s3
