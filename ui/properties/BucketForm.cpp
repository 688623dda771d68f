#include "BucketForm.h"

#include "FormFields.h"
#include "document/ProjectDocument.h"

#include <QCheckBox>
#include <QFormLayout>

namespace gatehouse {

BucketForm::BucketForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Bucket::name), siblingNames());
    QCheckBox *versioning = addCheck(general, {}, QStringLiteral("versioning"), lens(&Bucket::versioning),
                                     tr("Versioning: keep every version"));
    versioning->setToolTip(tr("Every write keeps a new version of the object, and a delete adds a delete "
                              "marker instead of removing it (S3 Versioning)."));

    QFormLayout *notifications = addSection(tr("Notifications"));
    const auto functions = [this] { return functionNames(this->document()->project()); };
    const auto events = [] {
        return QStringList{QStringLiteral("s3:ObjectCreated:*"),
                           QStringLiteral("s3:ObjectCreated:Put"),
                           QStringLiteral("s3:ObjectCreated:Post"),
                           QStringLiteral("s3:ObjectCreated:Copy"),
                           QStringLiteral("s3:ObjectRemoved:*"),
                           QStringLiteral("s3:ObjectRemoved:Delete"),
                           QStringLiteral("s3:ObjectRemoved:DeleteMarkerCreated")};
    };
    using N = BucketNotification;
    addTable(notifications, tr("Invoke a function when objects change"), QStringLiteral("notifications"),
             {{tr("Events"), QStringLiteral("events"), events},
              {tr("Prefix"), QStringLiteral("prefix"), {}},
              {tr("Suffix"), QStringLiteral("suffix"), {}},
              {tr("Function"), QStringLiteral("function"), functions}},
             tableOver<N>(
                 listOf(&Bucket::notifications),
                 {{[](const N &n) { return n.events.join(QLatin1String(", ")); },
                   [](N &n, const QString &t) { n.events = ListField::parse(t); }},
                  {[](const N &n) { return n.prefix; }, [](N &n, const QString &t) { n.prefix = t; }},
                  {[](const N &n) { return n.suffix; }, [](N &n, const QString &t) { n.suffix = t; }},
                  {[](const N &n) { return n.function; }, [](N &n, const QString &t) { n.function = t; }}},
                 [this](const QList<N> &) {
                     N rule;
                     rule.function = functionNames(this->document()->project()).value(0);
                     return rule;
                 }));
}

} // namespace gatehouse
