// Specification of the project tree model, always watched by QAbstractItemModelTester: groups,
// route keys, the EntityRef role, and how renames, deletions and additions reach the views.
#include "TestSupport.h"
#include "commands/AddFunctionCommand.h"
#include "commands/DeleteEntityCommand.h"
#include "document/ProjectDocument.h"
#include "itemmodels/ProjectTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gatehouse;

class TestProjectTreeModel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir *m_dir = nullptr;
    ProjectDocument *m_document = nullptr;
    QUndoStack *m_undo = nullptr;
    ProjectTreeModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;

    QModelIndex group(EntityKind kind) const { return m_model->groupIndex(kind); }
    QModelIndex child(EntityKind kind, int row) const { return m_model->index(row, 0, group(kind)); }
    QStringList childTexts(const QModelIndex &parent) const {
        QStringList texts;
        for (int r = 0; r < m_model->rowCount(parent); ++r)
            texts << m_model->index(r, 0, parent).data().toString();
        return texts;
    }

private slots:
    void init() {
        m_dir = new QTemporaryDir;
        QVERIFY(test::copyTree(test::samplePath(), m_dir->path()));
        m_document = new ProjectDocument;
        QVERIFY(m_document->open(m_dir->path()));
        m_undo = new QUndoStack;
        m_model = new ProjectTreeModel(m_document, m_undo);
        m_tester =
            new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup() {
        delete m_tester;
        delete m_model;
        delete m_undo;
        delete m_document;
        delete m_dir;
    }

    void topLevelHasTheSevenGroupsInOrder() {
        QCOMPARE(childTexts({}), (QStringList{QStringLiteral("APIs"), QStringLiteral("Functions"),
                                              QStringLiteral("Authorizers"), QStringLiteral("Buckets"),
                                              QStringLiteral("Schedules"), QStringLiteral("Queues"),
                                              QStringLiteral("Saved requests")}));
        QCOMPARE(m_model->rowCount(group(EntityKind::Function)), 8);
        QCOMPARE(group(EntityKind::Function).data(ProjectTreeModel::DetailRole).toString(),
                 QStringLiteral("8"));
        QVERIFY(group(EntityKind::Api).data(ProjectTreeModel::IsGroupRole).toBool());
        QVERIFY(!group(EntityKind::Api).data(ProjectTreeModel::EntityRefRole).isValid());
    }

    void apisShowTheirTypeAndRouteKeys() {
        const QModelIndex http = child(EntityKind::Api, 0);
        QCOMPARE(http.data().toString(), QStringLiteral("hello-http"));
        QCOMPARE(http.data(ProjectTreeModel::DetailRole).toString(), QStringLiteral("HTTP"));
        QCOMPARE(childTexts(http),
                 (QStringList{QStringLiteral("GET /hello"), QStringLiteral("GET /items/{id}"),
                              QStringLiteral("POST /echo"), QStringLiteral("$default")}));
        const QModelIndex ws = child(EntityKind::Api, 2);
        QCOMPARE(ws.data(ProjectTreeModel::DetailRole).toString(), QStringLiteral("WebSocket"));
        QCOMPARE(childTexts(ws), (QStringList{QStringLiteral("$connect"), QStringLiteral("$disconnect"),
                                              QStringLiteral("sendmessage")}));
        QVERIFY(m_model->index(0, 0, http)
                    .data(ProjectTreeModel::DetailRole)
                    .toString()
                    .contains(QStringLiteral("hello")));
    }

    void functionsShowTheirRuntime() {
        QCOMPARE(child(EntityKind::Function, 0).data().toString(), QStringLiteral("hello"));
        QCOMPARE(child(EntityKind::Function, 0).data(ProjectTreeModel::DetailRole).toString(),
                 QStringLiteral("javascript"));
        QCOMPARE(child(EntityKind::Function, 2).data(ProjectTreeModel::DetailRole).toString(),
                 QStringLiteral("nodejs20.x"));
    }

    void everyItemHasAnIcon() {
        const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_model->rowCount(parent); ++r) {
                const QModelIndex index = m_model->index(r, 0, parent);
                QVERIFY2(!index.data(Qt::DecorationRole).value<QIcon>().isNull(),
                         qPrintable(index.data().toString()));
                visit(index);
            }
        };
        visit({});
    }

    void entityRefRoleRoundTripsThroughIndexOf() {
        const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_model->rowCount(parent); ++r) {
                const QModelIndex index = m_model->index(r, 0, parent);
                const QVariant ref = index.data(ProjectTreeModel::EntityRefRole);
                if (ref.isValid()) QCOMPARE(m_model->indexOf(ref.value<EntityRef>()), index);
                QCOMPARE(m_model->indexOfStableKey(m_model->stableKey(index)), index);
                visit(index);
            }
        };
        visit({});
        const EntityRef route{EntityKind::Route, 0, 3};
        QCOMPARE(m_model->indexOf(route).data().toString(), QStringLiteral("$default"));
        QCOMPARE(m_model->entityRef(m_model->indexOf(route)), route);
        QVERIFY(!m_model->indexOf({EntityKind::Function, 99, -1}).isValid());
    }

    void onlyNamedEntitiesAreEditable() {
        QVERIFY(m_model->flags(child(EntityKind::Function, 0)) & Qt::ItemIsEditable);
        QVERIFY(m_model->flags(child(EntityKind::Api, 0)) & Qt::ItemIsEditable);
        QVERIFY(!(m_model->flags(group(EntityKind::Function)) & Qt::ItemIsEditable));
        QVERIFY(!(m_model->flags(m_model->indexOf({EntityKind::Route, 0, 0})) & Qt::ItemIsEditable));
    }

    void renamingThroughSetDataUpdatesReferencesWithoutReset() {
        QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(m_model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setData(child(EntityKind::Function, 0), QStringLiteral("greet")));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(child(EntityKind::Function, 0).data().toString(), QStringLiteral("greet"));
        QCOMPARE(m_document->project().apis[0].routes[0].integration.function, QStringLiteral("greet"));
        // The function and the route that points at it both announced their change.
        QList<QModelIndex> changed;
        for (const auto &args : changes)
            changed << args.at(0).toModelIndex();
        QVERIFY(changed.contains(child(EntityKind::Function, 0)));
        QVERIFY(changed.contains(m_model->indexOf({EntityKind::Route, 0, 0})));
        QVERIFY(m_model->indexOf({EntityKind::Route, 0, 0})
                    .data(ProjectTreeModel::DetailRole)
                    .toString()
                    .contains(QStringLiteral("greet")));

        m_undo->undo();
        QCOMPARE(child(EntityKind::Function, 0).data().toString(), QStringLiteral("hello"));
        QVERIFY(!m_document->isModified());
        QCOMPARE(m_undo->count(), 1);
    }

    void renamingRefusesEmptyAndTakenNames() {
        QSignalSpy rejected(m_model, &ProjectTreeModel::editRejected);
        QVERIFY(!m_model->setData(child(EntityKind::Function, 0), QStringLiteral("  ")));
        QVERIFY(!m_model->setData(child(EntityKind::Function, 0), QStringLiteral("echo")));
        QCOMPARE(rejected.count(), 2);
        QVERIFY(rejected.at(1).at(0).toString().contains(QStringLiteral("echo")));
        QVERIFY(m_model->setData(child(EntityKind::Function, 0), QStringLiteral("hello"))); // unchanged
        QCOMPARE(m_undo->count(), 0);
        QVERIFY(!m_model->setData(m_model->indexOf({EntityKind::Route, 0, 0}), QStringLiteral("x")));
    }

    void deletingResetsAndRemovesTheRow() {
        QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
        m_undo->push(new DeleteEntityCommand(m_document, {EntityKind::Function, 0, -1}));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(m_model->rowCount(group(EntityKind::Function)), 7);
        QCOMPARE(child(EntityKind::Function, 0).data().toString(), QStringLiteral("getItem"));
        m_undo->push(new DeleteEntityCommand(m_document, {EntityKind::Route, 0, 1}));
        QCOMPARE(m_model->rowCount(child(EntityKind::Api, 0)), 3);
        m_undo->undo();
        m_undo->undo();
        QCOMPARE(m_model->rowCount(group(EntityKind::Function)), 8);
        QCOMPARE(m_model->rowCount(child(EntityKind::Api, 0)), 4);
    }

    void addingFunctionsGivesUniqueNames() {
        auto *first = new AddFunctionCommand(m_document);
        const EntityRef added = first->addedRef();
        m_undo->push(first);
        QCOMPARE(m_model->indexOf(added).data().toString(), QStringLiteral("newFunction"));
        m_undo->push(new AddFunctionCommand(m_document));
        QCOMPARE(m_model->rowCount(group(EntityKind::Function)), 10);
        QCOMPARE(child(EntityKind::Function, 9).data().toString(), QStringLiteral("newFunction2"));
        QCOMPARE(m_document->project().functions[9].codeUri, QStringLiteral("functions/newFunction2"));
    }

    void openingAnotherProjectResets() {
        QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
        QSignalSpy replaced(m_model, &ProjectTreeModel::projectReplaced);
        m_document->reset(Project{});
        QCOMPARE(resets.count(), 1);
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(m_model->rowCount(group(EntityKind::Api)), 0);
        QCOMPARE(m_model->rowCount(), 7);
        QVERIFY(m_document->open(m_dir->path()));
        QCOMPARE(m_model->rowCount(group(EntityKind::Api)), 3);
    }
};

QTEST_MAIN(TestProjectTreeModel)
#include "tst_projecttreemodel.moc"
