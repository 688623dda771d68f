// CloudFormation logical IDs for project elements, and the way back: IDs are alphanumeric and unique
// in a template, project names are not, so exports record the names that an import cannot derive.
#pragma once

#include <QSet>
#include <QString>

namespace gatehouse {

// "hello-http" -> "HelloHttp", "getItem" -> "GetItem": alphanumeric words, each capitalised.
QString pascalCaseId(const QString &name);
// "UploadBucket" -> "upload-bucket": what an import calls a bucket that has no recorded name (S3
// bucket names are lower case).
QString kebabCaseName(const QString &id);

// Hands out unique logical IDs in one template.
class LogicalIdAllocator {
public:
    // PascalCase(name) + suffix (unless it already ends with it); a number is added on collision.
    QString allocate(const QString &name, const QString &suffix);
    // Reserves an ID as is (e.g. one a generated resource will use); false if already taken.
    bool reserve(const QString &id);
    bool contains(const QString &id) const { return m_used.contains(id); }

private:
    QSet<QString> m_used;
};

// The kinds of element whose names travel through logical IDs.
enum class NamedKind { Function, Api, Authorizer, Bucket, Queue, Schedule };
// The name an importer gives an element whose ID is `id` when the template records no name.
QString defaultNameForId(NamedKind kind, const QString &id);

} // namespace gatehouse
