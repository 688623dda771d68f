// The POST policy of a browser-based upload: the base64 JSON document naming when the form expires
// and the conditions every form field must meet (S3 User Guide, "Creating a POST policy",
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html). Pure: the
// S3 API turns a failed check into S3's error (AccessDenied "Invalid according to Policy: ...",
// EntityTooLarge, EntityTooSmall, InvalidPolicyDocument).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace gatehouse::s3 {

// One condition, whatever its shape in the document: {"name": "value"}, ["eq"|"starts-with",
// "$name", "value"] or ["content-length-range", min, max].
struct PostPolicyCondition {
    enum class Kind { Equals, StartsWith, ContentLengthRange } kind = Kind::Equals;
    QString field; // lower case, without '$'
    QString value;
    qint64 min = 0;
    qint64 max = 0;
    QString quoted; // as S3 quotes it in "Policy Condition failed: ..."
};

struct PostPolicy {
    QDateTime expiration; // UTC
    QList<PostPolicyCondition> conditions;
};

// Decodes and reads the policy field's text. nullopt with `*error` ("Invalid Policy: ..." as S3 words
// it) for bad base64, bad JSON, a missing or unreadable expiration, or a condition of unknown shape.
std::optional<PostPolicy> parsePostPolicy(const QByteArray &base64, QString *error);

// The form as the policy sees it: field names in lower case (S3 compares them case-insensitively),
// values as sent, in form order, the file field excluded.
using PostFormFields = QList<QPair<QString, QString>>;

struct PostPolicyCheck {
    enum class Outcome { Allowed, Expired, ConditionFailed, ExtraInputField, TooLarge, TooSmall };
    Outcome outcome = Outcome::Allowed;
    QString detail;     // the failed condition as S3 quotes it, or the extra field's name
    qint64 minSize = 0; // content-length-range, for TooSmall
    qint64 maxSize = 0; // content-length-range, for TooLarge
    bool allowed() const { return outcome == Outcome::Allowed; }
    // S3's message for the AccessDenied outcomes: "Invalid according to Policy: Policy expired." ...
    QString message() const;
};

// Checks expiration (against `now`), every condition, and that each form field is covered by a
// condition ("Each form field that you specify in a form (except x-amz-signature, file, policy, and
// field names that have an x-ignore- prefix) must appear in the list of conditions"). `bucket` is the
// bucket the request names.
PostPolicyCheck checkPostPolicy(const PostPolicy &policy, const PostFormFields &fields, const QString &bucket,
                                qint64 fileSize, const QDateTime &now);

} // namespace gatehouse::s3
