// Specification of the pure project edits behind the undo commands: renames carry their references along.
#include "document/ProjectEdits.h"

#include <QTest>

using namespace gatehouse;

namespace {

// A small project where every kind of reference to "work", "gate" and "jobs" appears once.
Project referencingProject() {
    Project p;
    p.name = QStringLiteral("refs");
    Function work;
    work.name = QStringLiteral("work");
    Function other;
    other.name = QStringLiteral("other");
    p.functions = {work, other};

    Api api;
    api.name = QStringLiteral("api");
    Route route;
    route.path = QStringLiteral("/work");
    route.integration.function = QStringLiteral("work");
    route.authorizer = QStringLiteral("gate");
    Route untouched;
    untouched.path = QStringLiteral("/other");
    untouched.integration.function = QStringLiteral("other");
    api.routes = {route, untouched};
    p.apis = {api};

    Authorizer gate;
    gate.name = QStringLiteral("gate");
    gate.type = AuthorizerType::Lambda;
    gate.function = QStringLiteral("work");
    p.authorizers = {gate};

    Bucket bucket;
    bucket.name = QStringLiteral("uploads");
    BucketNotification notification;
    notification.function = QStringLiteral("work");
    bucket.notifications = {notification};
    p.buckets = {bucket};

    Schedule schedule;
    schedule.name = QStringLiteral("nightly");
    schedule.function = QStringLiteral("work");
    p.schedules = {schedule};

    Queue jobs;
    jobs.name = QStringLiteral("jobs");
    jobs.trigger = QueueTrigger{};
    jobs.trigger->function = QStringLiteral("work");
    Queue retries;
    retries.name = QStringLiteral("retries");
    retries.deadLetterQueue = QStringLiteral("jobs");
    p.queues = {jobs, retries};
    // The second function sends its asynchronous outcomes to the first and to the jobs queue.
    p.functions[1].asyncInvoke.onSuccess.function = QStringLiteral("work");
    p.functions[1].asyncInvoke.onFailure.queue = QStringLiteral("jobs");
    return p;
}

} // namespace

class TestProjectEdits : public QObject {
    Q_OBJECT
private slots:
    void renamingFunctionRewritesEveryReference() {
        const Project p = ProjectEdits::renameEntity(referencingProject(), {EntityKind::Function, 0, -1},
                                                     QStringLiteral("labour"));
        QCOMPARE(p.functions[0].name, QStringLiteral("labour"));
        QCOMPARE(p.apis[0].routes[0].integration.function, QStringLiteral("labour"));
        QCOMPARE(p.apis[0].routes[1].integration.function, QStringLiteral("other"));
        QCOMPARE(p.authorizers[0].function, QStringLiteral("labour"));
        QCOMPARE(p.buckets[0].notifications[0].function, QStringLiteral("labour"));
        QCOMPARE(p.schedules[0].function, QStringLiteral("labour"));
        QCOMPARE(p.queues[0].trigger->function, QStringLiteral("labour"));
        QCOMPARE(p.functions[1].asyncInvoke.onSuccess.function, QStringLiteral("labour"));
    }

    void renamingAuthorizerRewritesRoutes() {
        const Project p = ProjectEdits::renameEntity(referencingProject(), {EntityKind::Authorizer, 0, -1},
                                                     QStringLiteral("door"));
        QCOMPARE(p.authorizers[0].name, QStringLiteral("door"));
        QCOMPARE(p.apis[0].routes[0].authorizer, QStringLiteral("door"));
        QCOMPARE(p.apis[0].routes[1].authorizer, QString());
    }

    void renamingQueueRewritesDeadLetterReferences() {
        const Project p = ProjectEdits::renameEntity(referencingProject(), {EntityKind::Queue, 0, -1},
                                                     QStringLiteral("work-q"));
        QCOMPARE(p.queues[0].name, QStringLiteral("work-q"));
        QCOMPARE(p.queues[1].deadLetterQueue, QStringLiteral("work-q"));
        QCOMPARE(p.functions[1].asyncInvoke.onFailure.queue, QStringLiteral("work-q"));
    }

    void renamingOneOfTwoDuplicatesRenamesOnlyThatOne() {
        Project start = referencingProject();
        start.functions[1].name = QStringLiteral("work");
        const Project p =
            ProjectEdits::renameEntity(start, {EntityKind::Function, 1, -1}, QStringLiteral("b"));
        QCOMPARE(p.functions[0].name, QStringLiteral("work"));
        QCOMPARE(p.functions[1].name, QStringLiteral("b"));
    }

    void renamingSomethingAbsentChangesNothing() {
        const Project start = referencingProject();
        QVERIFY(ProjectEdits::renameEntity(start, {EntityKind::Function, 9, -1}, QStringLiteral("x")) ==
                start);
        QVERIFY(ProjectEdits::renameEntity(start, {EntityKind::Route, 0, 0}, QStringLiteral("x")) == start);
    }

    void removingFunctionLeavesReferencesDangling() {
        const Project p = ProjectEdits::removeEntity(referencingProject(), {EntityKind::Function, 0, -1});
        QCOMPARE(p.functions.size(), 1);
        QCOMPARE(p.apis[0].routes[0].integration.function, QStringLiteral("work"));
    }

    void removingRouteKeepsItsApi() {
        const Project p = ProjectEdits::removeEntity(referencingProject(), {EntityKind::Route, 0, 0});
        QCOMPARE(p.apis.size(), 1);
        QCOMPARE(p.apis[0].routes.size(), 1);
        QCOMPARE(p.apis[0].routes[0].path, QStringLiteral("/other"));
    }

    void nameOfRouteIsItsRouteKey() {
        const Project p = referencingProject();
        QCOMPARE(ProjectEdits::nameOf(p, {EntityKind::Route, 0, 0}), QStringLiteral("GET /work"));
        QCOMPARE(ProjectEdits::nameOf(p, {EntityKind::Queue, 1, -1}), QStringLiteral("retries"));
        QCOMPARE(ProjectEdits::nameOf(p, {EntityKind::Queue, 2, -1}), QString());
    }

    void existsChecksBothLevels() {
        const Project p = referencingProject();
        QVERIFY(ProjectEdits::exists(p, {EntityKind::Route, 0, 1}));
        QVERIFY(!ProjectEdits::exists(p, {EntityKind::Route, 0, 2}));
        QVERIFY(!ProjectEdits::exists(p, {EntityKind::Route, 1, 0}));
        QVERIFY(!ProjectEdits::exists(p, {EntityKind::Function, -1, -1}));
        QCOMPARE(ProjectEdits::countOf(p, EntityKind::Queue), 2);
        QCOMPARE(ProjectEdits::countOf(p, EntityKind::Route), 0);
    }

    void uniqueNameSkipsTakenNames_data() {
        QTest::addColumn<QStringList>("taken");
        QTest::addColumn<QString>("expected");
        QTest::newRow("free") << QStringList{} << QStringLiteral("newFunction");
        QTest::newRow("taken once") << QStringList{QStringLiteral("newFunction")}
                                    << QStringLiteral("newFunction2");
        QTest::newRow("gap") << QStringList{QStringLiteral("newFunction"), QStringLiteral("newFunction2")}
                             << QStringLiteral("newFunction3");
    }
    void uniqueNameSkipsTakenNames() {
        QFETCH(QStringList, taken);
        QFETCH(QString, expected);
        QCOMPARE(ProjectEdits::uniqueName(taken, QStringLiteral("newFunction")), expected);
    }

    void onlyListedEntitiesAreRenamable() {
        QVERIFY(ProjectEdits::isRenamable(EntityKind::Function));
        QVERIFY(ProjectEdits::isRenamable(EntityKind::Request));
        QVERIFY(!ProjectEdits::isRenamable(EntityKind::Route));
        QVERIFY(!ProjectEdits::isRenamable(EntityKind::Project));
    }
};

QTEST_GUILESS_MAIN(TestProjectEdits)
#include "tst_projectedits.moc"
