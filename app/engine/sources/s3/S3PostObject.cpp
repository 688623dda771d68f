// S3Api's POST Object: a browser-based upload as an HTML form posts it, "POST /<bucket>" with a
// multipart/form-data body of fields and one file (S3 API reference, "POST Object",
// https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html, and the S3 User Guide,
// "Browser-based uploads using POST (AWS Signature Version 4)",
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-UsingHTTPPOST.html). The form authenticates
// itself: a policy signed with SigV4 when the project sets credentials.
#include "BucketNotifier.h"
#include "MultipartFormParser.h"
#include "ObjectKeyFiles.h"
#include "PostPolicy.h"
#include "S3Api.h"
#include "S3Call.h"
#include "S3Xml.h"

#include <QUrl>
#include <QUrlQuery>

namespace gatehouse::s3 {

namespace {

// "Your POST request fields preceding the upload file were too large": S3 reads at most 20 KB of
// fields before the file.
constexpr qsizetype kMaxFieldBytes = 20 * 1024;

// The system metadata a form may set (POST Object, "Request elements").
const QList<QPair<QString, QString>> &storedFieldHeaders() {
    static const QList<QPair<QString, QString>> names = {
        {QStringLiteral("cache-control"), QStringLiteral("Cache-Control")},
        {QStringLiteral("content-disposition"), QStringLiteral("Content-Disposition")},
        {QStringLiteral("content-encoding"), QStringLiteral("Content-Encoding")},
        {QStringLiteral("expires"), QStringLiteral("Expires")}};
    return names;
}

S3Error missingField(const QString &name) {
    return errors::invalidArgument(
        QStringLiteral("Bucket POST must contain a field named '%1'.  If it is specified, please check the "
                       "order of the fields.")
            .arg(name),
        name, QString());
}

S3Error malformedPost() {
    return {400,
            "MalformedPOSTRequest",
            QStringLiteral("The body of your POST request is not well-formed multipart/form-data."),
            {}};
}

struct PostForm {
    PostFormFields fields; // before the file, names in lower case
    bool hasFile = false;
    QString fileName;
    QByteArray file;
    bool fieldsTooLarge = false;

    QString value(const char *name) const {
        for (const auto &[field, value] : fields)
            if (field == QLatin1String(name)) return value;
        return {};
    }
    bool has(const char *name) const {
        return std::any_of(fields.cbegin(), fields.cend(),
                           [name](const auto &field) { return field.first == QLatin1String(name); });
    }
};

// Reads the form: fields up to the file, the file's content; "The file or content must be the last
// field in the form. Any fields below it are ignored." nullopt for a body that is not well-formed.
std::optional<PostForm> readForm(const QByteArray &body, const QByteArray &boundary) {
    PostForm form;
    enum class Reading { Field, File, Ignored } reading = Reading::Field;
    QString name;
    QByteArray value;
    qsizetype fieldBytes = 0;
    MultipartFormParser parser(boundary,
                               {[&](const FormPartHeaders &part) {
                                    if (form.hasFile) {
                                        reading = Reading::Ignored;
                                    } else if (part.name.compare("file", Qt::CaseInsensitive) == 0) {
                                        reading = Reading::File;
                                        form.hasFile = true;
                                        form.fileName = part.fileName.value_or(QString());
                                        form.file.reserve(body.size());
                                    } else {
                                        reading = Reading::Field;
                                        name = QString::fromUtf8(part.name).toLower();
                                        value.clear();
                                        fieldBytes += part.name.size();
                                    }
                                    return true;
                                },
                                [&](QByteArrayView data) {
                                    if (reading == Reading::File) {
                                        form.file.append(data);
                                    } else if (reading == Reading::Field) {
                                        fieldBytes += data.size();
                                        if (fieldBytes > kMaxFieldBytes) {
                                            form.fieldsTooLarge = true;
                                            return false;
                                        }
                                        value.append(data);
                                    }
                                    return true;
                                },
                                [&] {
                                    if (reading == Reading::Field)
                                        form.fields.append({name, QString::fromUtf8(value)});
                                    return true;
                                }});
    // Fed in slices so the parser's own buffer stays small beside the body.
    constexpr qsizetype slice = 1024 * 1024;
    bool ok = true;
    for (qsizetype at = 0; ok && at < body.size(); at += slice)
        ok = parser.feed(QByteArrayView(body).sliced(at, std::min(slice, body.size() - at)));
    if (form.fieldsTooLarge) return form;
    if (!ok || !parser.finish()) return std::nullopt;
    return form;
}

QString encodedKey(const QString &key) {
    return QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
}

} // namespace

http::HttpResponse S3Api::postObject(S3Call &call, const Settings &settings) const {
    const std::optional<QByteArray> boundary = multipartFormBoundary(call.request.header("Content-Type"));
    if (!boundary)
        return call.error({412,
                           "PreconditionFailed",
                           QStringLiteral("At least one of the pre-conditions you specified did not hold"),
                           {{"Condition", QStringLiteral("Bucket POST must be of the enclosure-type "
                                                         "multipart/form-data")}}});
    std::optional<PostForm> form = readForm(call.payload, *boundary);
    if (!form) return call.error(malformedPost());
    if (form->fieldsTooLarge)
        return call.error(
            {400,
             "MaxPostPreDataLengthExceededError",
             QStringLiteral("Your POST request fields preceding the upload file were too large."),
             {}});
    if (!form->has("key")) return call.error(missingField(QStringLiteral("key")));
    if (!form->hasFile)
        return call.error(
            errors::invalidArgument(QStringLiteral("POST requires exactly one file upload per request."),
                                    QStringLiteral("file"), QStringLiteral("0")));

    // Without project credentials any form is served (as any signed request is), but a policy that
    // comes along still binds the form: a page under test fails here as it would on S3.
    if (settings.credentials) {
        if (!form->has("policy")) return call.error(errors::accessDenied(QStringLiteral("Access Denied")));
        for (const char *name : {"x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"})
            if (!form->has(name)) return call.error(missingField(QString::fromLatin1(name)));
        if (form->value("x-amz-algorithm") != QLatin1String("AWS4-HMAC-SHA256"))
            return call.error(
                errors::invalidArgument(QStringLiteral("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""),
                                        QStringLiteral("x-amz-algorithm"), form->value("x-amz-algorithm")));
        const QString credential = form->value("x-amz-credential");
        const QStringList scope = credential.split(QLatin1Char('/'));
        if (scope.size() != 5 || scope[4] != QLatin1String("aws4_request"))
            return call.error(errors::invalidArgument(
                QStringLiteral("Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; "
                               "expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."),
                QStringLiteral("x-amz-credential"), credential));
        if (scope[0] != settings.credentials->accessKeyId)
            return call.error(errors::invalidAccessKeyId(scope[0]));
        const QByteArray expected =
            postPolicySignature(settings.credentials->secretAccessKey, scope[1].toUtf8(), scope[2].toUtf8(),
                                scope[3].toUtf8(), form->value("policy").toUtf8());
        if (form->value("x-amz-signature").toLatin1().toLower() != expected)
            return call.error(errors::signatureDoesNotMatch());
    }
    if (form->has("policy")) {
        QString problem;
        const std::optional<PostPolicy> policy = parsePostPolicy(form->value("policy").toUtf8(), &problem);
        if (!policy) return call.error({400, "InvalidPolicyDocument", problem, {}});
        const PostPolicyCheck check = checkPostPolicy(*policy, form->fields, call.bucket, form->file.size(),
                                                      QDateTime::currentDateTimeUtc());
        switch (check.outcome) {
        case PostPolicyCheck::Outcome::Allowed:
            break;
        case PostPolicyCheck::Outcome::TooLarge:
            return call.error({400,
                               "EntityTooLarge",
                               check.message(),
                               {{"ProposedSize", QString::number(form->file.size())},
                                {"MaxSizeAllowed", QString::number(check.maxSize)}}});
        case PostPolicyCheck::Outcome::TooSmall:
            return call.error({400,
                               "EntityTooSmall",
                               check.message(),
                               {{"ProposedSize", QString::number(form->file.size())},
                                {"MinSizeAllowed", QString::number(check.minSize)}}});
        case PostPolicyCheck::Outcome::Expired:
        case PostPolicyCheck::Outcome::ConditionFailed:
        case PostPolicyCheck::Outcome::ExtraInputField:
            return call.error(errors::accessDenied(check.message()));
        }
    }

    // "${filename}" in the key becomes the name of the uploaded file (POST Object, key).
    QString key = form->value("key");
    key.replace(QLatin1String("${filename}"), form->fileName);
    if (key.isEmpty()) return call.error(missingField(QStringLiteral("key")));
    if (!isValidObjectKey(key)) return call.error(errors::keyTooLong());
    call.key = key;

    ObjectMetadata meta;
    meta.key = key;
    meta.contentType =
        form->has("content-type") ? form->value("content-type") : QStringLiteral("binary/octet-stream");
    for (const auto &[name, value] : form->fields) {
        if (name.startsWith(QLatin1String("x-amz-meta-")) && name.size() > 11)
            meta.userMetadata.append({name.mid(11), value});
    }
    for (const auto &[field, header] : storedFieldHeaders())
        if (form->has(field.toLatin1().constData()))
            meta.headers.append({header, form->value(field.toLatin1().constData())});
    ObjectMetadata stored;
    const BucketStore::Outcome outcome = m_store->put(call.bucket, meta, form->file, &stored);
    if (!outcome.ok()) return call.storeError(outcome);
    notify(call, QStringLiteral("ObjectCreated:Post"), stored);

    const QString location =
        QStringLiteral("http://%1/%2/%3")
            .arg(QString::fromUtf8(call.request.header("Host")), call.bucket, encodedKey(key));
    // success_action_redirect (or the older "redirect"): a 303 to the page with the object's names
    // appended; an unusable URL falls back to success_action_status, as S3 does.
    const QString redirectField = form->has("success_action_redirect")
                                      ? form->value("success_action_redirect")
                                      : form->value("redirect");
    const QUrl redirect(redirectField, QUrl::StrictMode);
    if (!redirectField.isEmpty() && redirect.isValid() &&
        (redirect.scheme() == QLatin1String("http") || redirect.scheme() == QLatin1String("https"))) {
        QUrl target = redirect;
        QUrlQuery query(target);
        query.addQueryItem(QStringLiteral("bucket"),
                           QString::fromLatin1(QUrl::toPercentEncoding(call.bucket)));
        query.addQueryItem(QStringLiteral("key"), QString::fromLatin1(QUrl::toPercentEncoding(key)));
        query.addQueryItem(QStringLiteral("etag"), QString::fromLatin1(QUrl::toPercentEncoding(stored.eTag)));
        target.setQuery(query);
        http::HttpResponse response = call.ok(303);
        response.headers.add("Location", target.toEncoded());
        response.headers.add("ETag", stored.eTag.toUtf8());
        S3Call::addVersionId(response, stored.versionId);
        return response;
    }
    // success_action_status: 200 or 204 with an empty body, 201 with the PostResponse document;
    // anything else is 204.
    const QString status = form->value("success_action_status");
    const int code = status == QLatin1String("200") || status == QLatin1String("201") ? status.toInt() : 204;
    http::HttpResponse response = call.ok(code);
    response.headers.add("ETag", stored.eTag.toUtf8());
    S3Call::addVersionId(response, stored.versionId);
    response.headers.add("Location", location.toUtf8());
    if (code == 201) {
        XmlOut xml;
        xml.begin("PostResponse", /*withNamespace=*/false);
        xml.element("Location", location);
        xml.element("Bucket", call.bucket);
        xml.element("Key", key);
        xml.element("ETag", stored.eTag);
        response.headers.add("Content-Type", "application/xml");
        response.body = xml.finish();
    }
    return response;
}

} // namespace gatehouse::s3
