// Drives the canvas designer with mouse and keyboard events only: palette drops and double-clicks,
// wires drawn from output ports, node drags, rubber-band selection, Delete, zoom keys, and the undo
// stack behind all of it; then saves, reopens and compares.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "TestSupport.h"
#include "Translations.h"
#include "canvas/DesignerPage.h"
#include "canvas/DesignerScene.h"
#include "canvas/DesignerView.h"
#include "canvas/EdgeItem.h"
#include "canvas/NodeItem.h"
#include "canvas/PaletteWidget.h"
#include "document/ProjectDocument.h"
#include "editor/CodeEditor.h"
#include "editor/CodeTabs.h"
#include "io/ProjectFile.h"
#include "io/ProjectJson.h"
#include "itemmodels/DiagnosticsModel.h"
#include "properties/PropertyEditor.h"
#include "widgets/ProjectTreeView.h"

#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace gatehouse;

namespace {

const EntityRef kApi{EntityKind::Api, 0, -1};
const EntityRef kRoute0{EntityKind::Route, 0, 0};
const EntityRef kRoute1{EntityKind::Route, 0, 1};
const EntityRef kFunction{EntityKind::Function, 0, -1};

} // namespace

class TestDesigner : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    std::unique_ptr<MainWindow> showWindow(const QString &path) {
        auto window = AppStartup::createMainWindow(path);
        window->resize(1400, 900);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qWarning("window did not become active");
        return window;
    }

    std::unique_ptr<MainWindow> emptyProjectWindow() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        if (!test::copyTree(test::samplePath(), folder)) return {};
        auto window = showWindow(folder);
        window->session()->newProject();
        return window;
    }

    static DesignerView *view(MainWindow &window) { return window.designer()->view(); }
    static DesignerScene *scene(MainWindow &window) { return window.designer()->scene(); }

    static QPoint toView(DesignerView *view, const QPointF &scenePoint) {
        return view->mapFromScene(scenePoint);
    }

    // Presses at `from`, moves there in a few steps with the button held, releases at `to`.
    static void drag(QWidget *viewport, const QPoint &from, const QPoint &to) {
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        for (int step = 1; step <= 4; ++step)
            QTest::mouseMove(viewport, from + (to - from) * step / 4);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    }

    // Draws a wire from `from`'s output port to the middle of `to`, as a user does.
    static void drawWire(MainWindow &window, const EntityRef &from, const EntityRef &to) {
        DesignerView *v = view(window);
        v->fitToView();
        NodeItem *source = scene(window)->nodeFor(from);
        NodeItem *target = scene(window)->nodeFor(to);
        QVERIFY(source && target);
        drag(v->viewport(), toView(v, source->outputPoint()),
             toView(v, target->sceneBoundingRect().center()));
    }

    // Drops a palette entry onto the canvas at a viewport point, with the palette's own drag data.
    static void dropFromPalette(MainWindow &window, NewNodes::Type type, const QPoint &at) {
        PaletteWidget *palette = window.palette();
        QListWidgetItem *item = palette->itemFor(type);
        QVERIFY(item);
        std::unique_ptr<QMimeData> data(palette->model()->mimeData({palette->indexFromItem(item)}));
        QVERIFY(data);
        QWidget *viewport = view(window)->viewport();
        QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(viewport, &move);
        QDropEvent drop(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(viewport, &drop);
        QVERIFY(drop.isAccepted());
    }

    static void doubleClickPalette(MainWindow &window, NewNodes::Type type) {
        PaletteWidget *palette = window.palette();
        QListWidgetItem *item = palette->itemFor(type);
        QVERIFY(item);
        const QPoint centre = palette->visualItemRect(item).center();
        QTest::mouseClick(palette->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, centre);
    }

    // The API with two routes wired to one new function, built with mouse events only.
    void buildApiWithTwoRoutes(MainWindow &window) {
        dropFromPalette(window, NewNodes::Type::HttpApi, QPoint(200, 150));
        QCOMPARE(window.document()->project().apis.size(), 1);
        QCOMPARE(scene(window)->currentEntity(), kApi);
        // Routes join the selected API (the new route becomes selected: the next joins the same API).
        doubleClickPalette(window, NewNodes::Type::Route);
        doubleClickPalette(window, NewNodes::Type::Route);
        QCOMPARE(window.document()->project().apis[0].routes.size(), 2);
        dropFromPalette(window, NewNodes::Type::Function, QPoint(700, 300));
        QCOMPARE(window.document()->project().functions.size(), 1);
        drawWire(window, kRoute0, kFunction);
        drawWire(window, kRoute1, kFunction);
    }

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }

    void init() {
        DialogSeams::clear();
        m_dir = new QTemporaryDir;
    }

    void cleanup() {
        DialogSeams::clear();
        delete m_dir;
    }

    void sampleProjectIsDrawnWithEveryNodeAndWire() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        const auto window = showWindow(folder);
        const Project &p = window->document()->project();
        int routes = 0;
        for (const Api &api : p.apis)
            routes += int(api.routes.size());
        const int expectedNodes = int(p.apis.size() + p.functions.size() + p.authorizers.size() +
                                      p.buckets.size() + p.schedules.size() + p.queues.size()) +
                                  routes;
        QCOMPARE(scene(*window)->nodes().size(), expectedNodes);
        // Every route wired to its API and its function, the API key to GET /pets, the bucket and the
        // schedule to theirs.
        int integrations = 0, authorizers = 0, triggers = 0;
        for (EdgeItem *edge : scene(*window)->edges()) {
            integrations += edge->link().kind == LinkKind::Integration;
            authorizers += edge->link().kind == LinkKind::RouteAuthorizer;
            triggers +=
                edge->link().kind == LinkKind::BucketTrigger || edge->link().kind == LinkKind::ScheduleTarget;
        }
        QCOMPARE(integrations, routes);
        QCOMPARE(authorizers, 1);
        QCOMPARE(triggers, 2);
        // The automatic layout: sources left of routes, routes left of functions, no two nodes overlapping.
        const auto x = [&](const EntityRef &ref) { return scene(*window)->nodeFor(ref)->pos().x(); };
        QVERIFY(x(kApi) < x(kRoute0));
        QVERIFY(x(kRoute0) < x(kFunction));
        const QList<NodeItem *> nodes = scene(*window)->nodes();
        for (int i = 0; i < nodes.size(); ++i)
            for (int j = i + 1; j < nodes.size(); ++j)
                QVERIFY2(!nodes[i]
                              ->sceneBoundingRect()
                              .adjusted(8, 8, -8, -8)
                              .intersects(nodes[j]->sceneBoundingRect().adjusted(8, 8, -8, -8)),
                         qPrintable(nodes[i]->content().title + QStringLiteral(" / ") +
                                    nodes[j]->content().title));
    }

    void buildUndoRedoSaveReopenWithMouseAndKeyboardOnly() {
        const auto window = emptyProjectWindow();
        QVERIFY(window);
        const Project empty = window->document()->project();
        QVERIFY(empty.apis.isEmpty() && empty.functions.isEmpty());

        buildApiWithTwoRoutes(*window);
        const Project built = window->document()->project();
        QCOMPARE(built.apis.size(), 1);
        QCOMPARE(built.apis[0].routes[0].integration.function, built.functions[0].name);
        QCOMPARE(built.apis[0].routes[1].integration.function, built.functions[0].name);
        QCOMPARE(built.apis[0].routes[0].path, QStringLiteral("/items"));
        QCOMPARE(built.apis[0].routes[1].path, QStringLiteral("/items2"));
        // The dropped nodes keep where they were dropped.
        QVERIFY(built.apis[0].position.has_value());
        QVERIFY(built.functions[0].position.has_value());
        // Six gestures, six undo steps.
        QUndoStack *undo = window->undoStack();
        QCOMPARE(undo->count(), 6);
        QCOMPARE(scene(*window)->edges().size(), 4); // two ownership wires and two integrations

        view(*window)->setFocus();
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(window->document()->project() == empty);
        QVERIFY(scene(*window)->nodes().isEmpty());
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window->document()->project() == built);
        QCOMPARE(scene(*window)->nodes().size(), 4);

        const QString folder = m_dir->filePath(QStringLiteral("built"));
        DialogSeams::queueFileName(folder);
        QVERIFY(window->session()->saveAs());
        QVERIFY(window->session()->open(folder));
        QVERIFY(window->document()->project() == built);
        QCOMPARE(scene(*window)->nodes().size(), 4);
    }

    void refusedWireShowsItsReason() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        const Project before = window->document()->project();
        const int steps = window->undoStack()->count();
        drawWire(*window, kFunction, kRoute0); // backwards: functions wire only to queues
        QVERIFY(window->document()->project() == before);
        QCOMPARE(window->undoStack()->count(), steps);
        QVERIFY2(view(*window)->bannerText().contains(QStringLiteral("only to a queue")),
                 qPrintable(view(*window)->bannerText()));
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("only to a queue")));
    }

    void validatorRefusesAnAuthorizerTheApiTypeCannotUse() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        dropFromPalette(*window, NewNodes::Type::Authorizer, QPoint(200, 500));
        const EntityRef authorizer{EntityKind::Authorizer, 0, -1};
        // A JWT authorizer on an HTTP API route is fine...
        drawWire(*window, authorizer, kRoute0);
        QCOMPARE(window->document()->project().apis[0].routes[0].authorizer, QStringLiteral("newAuthorizer"));
        // ...but not on a REST API: the refusal quotes the validator.
        dropFromPalette(*window, NewNodes::Type::RestApi, QPoint(200, 650));
        scene(*window)->selectEntity({EntityKind::Api, 1, -1});
        doubleClickPalette(*window, NewNodes::Type::Route);
        const EntityRef restRoute{EntityKind::Route, 1, 0};
        QVERIFY(scene(*window)->nodeFor(restRoute));
        drawWire(*window, authorizer, restRoute);
        QVERIFY(window->document()->project().apis[1].routes[0].authorizer.isEmpty());
        QVERIFY2(view(*window)->bannerText().startsWith(QStringLiteral("Not wired:")),
                 qPrintable(view(*window)->bannerText()));
    }

    void routeWithoutAnApiIsRefusedWithAHint() {
        const auto window = emptyProjectWindow();
        doubleClickPalette(*window, NewNodes::Type::Route);
        QVERIFY(window->document()->project().apis.isEmpty());
        QVERIFY(view(*window)->bannerText().contains(QStringLiteral("Add an API first")));
    }

    void draggingNodesStoresPositionsInOneUndoStep() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        DesignerView *v = view(*window);
        v->fitToView();
        NodeItem *function = scene(*window)->nodeFor(kFunction);
        const QPointF before = function->pos();
        const int steps = window->undoStack()->count();
        const QPoint start = toView(v, function->sceneBoundingRect().center());
        drag(v->viewport(), start, start + QPoint(0, 120));
        const std::optional<CanvasPoint> moved = window->document()->project().functions[0].position;
        QVERIFY(moved.has_value());
        QVERIFY(moved->y > before.y() + 60);
        QCOMPARE(window->undoStack()->count(), steps + 1);
        // The wires followed the node.
        for (EdgeItem *edge : scene(*window)->edges())
            if (edge->link().to == kFunction)
                QVERIFY(
                    QLineF(edge->path().pointAtPercent(1), scene(*window)->nodeFor(kFunction)->inputPoint())
                        .length() < 1);
        window->undoStack()->undo();
        QCOMPARE(scene(*window)->nodeFor(kFunction)->pos(), before);
    }

    void rubberBandSelectsAndDeleteRemovesInOneStep() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        DesignerView *v = view(*window);
        v->fitToView();
        // A band around both routes (they sit in one column, one above the other).
        const QRectF band = scene(*window)->nodeFor(kRoute0)->sceneBoundingRect().united(
            scene(*window)->nodeFor(kRoute1)->sceneBoundingRect());
        drag(v->viewport(), toView(v, band.topLeft() - QPointF(20, 20)),
             toView(v, band.bottomRight() + QPointF(20, 20)));
        QCOMPARE(scene(*window)->selectedEntities().size(), 2);
        const int steps = window->undoStack()->count();
        v->setFocus();
        QTest::keyClick(v, Qt::Key_Delete);
        QVERIFY(window->document()->project().apis[0].routes.isEmpty());
        QCOMPARE(window->undoStack()->count(), steps + 1);
        window->undoStack()->undo();
        QCOMPARE(window->document()->project().apis[0].routes.size(), 2);
    }

    void selectedWireIsRemovedByDelete() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        DesignerView *v = view(*window);
        v->fitToView();
        EdgeItem *integration = nullptr;
        for (EdgeItem *edge : scene(*window)->edges())
            if (edge->link().kind == LinkKind::Integration && edge->link().from == kRoute0)
                integration = edge;
        QVERIFY(integration);
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {},
                          toView(v, integration->path().pointAtPercent(0.5)));
        QVERIFY(integration->isSelected());
        QTest::keyClick(v, Qt::Key_Delete);
        QVERIFY(window->document()->project().apis[0].routes[0].integration.function.isEmpty());
        QCOMPARE(window->document()->project().apis[0].routes[1].integration.function,
                 QStringLiteral("newFunction"));
    }

    // A function's asynchronous destinations are drawn as dotted wires (set in its form); Delete on one
    // removes that destination as one undo step.
    void asyncDestinationsAreDrawnAndDeletedAsWires() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        {
            Project project = ProjectFile::load(folder).project;
            Queue failures;
            failures.name = QStringLiteral("failures");
            project.queues.append(failures);
            Function *hello = project.findFunction(QStringLiteral("hello"));
            hello->asyncInvoke.onSuccess.function = QStringLiteral("tick");
            hello->asyncInvoke.onFailure.queue = QStringLiteral("failures");
            QFile file(folder + QStringLiteral("/gatehouse.json"));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(projectToJsonText(project));
        }
        const auto window = showWindow(folder);
        const Project &p = window->document()->project();
        const int hello = int(p.findFunction(QStringLiteral("hello")) - p.functions.data());
        EdgeItem *onSuccess = nullptr, *onFailure = nullptr;
        for (EdgeItem *edge : scene(*window)->edges())
            if (edge->link().kind == LinkKind::AsyncDestination)
                (edge->link().detail == 0 ? onSuccess : onFailure) = edge;
        QVERIFY(onSuccess && onFailure);
        QCOMPARE(onSuccess->link().to.kind, EntityKind::Function);
        QCOMPARE(onFailure->link().to, (EntityRef{EntityKind::Queue, 0, -1}));
        QCOMPARE(onFailure->link().from, (EntityRef{EntityKind::Function, hello, -1}));
        QVERIFY(onFailure->toolTip().contains(QStringLiteral("On failure")));
        // A queue that only receives records sits right of the functions, as dead-letter queues do.
        QVERIFY(scene(*window)->nodeFor(onFailure->link().to)->pos().x() >
                scene(*window)->nodeFor(onFailure->link().from)->pos().x());

        DesignerView *v = view(*window);
        v->fitToView();
        v->centerOn(onFailure->path().pointAtPercent(0.5));
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {},
                          toView(v, onFailure->path().pointAtPercent(0.5)));
        QVERIFY(onFailure->isSelected());
        const int steps = window->undoStack()->count();
        QTest::keyClick(v, Qt::Key_Delete);
        QVERIFY(!window->document()->project().functions[hello].asyncInvoke.onFailure.isSet());
        QCOMPARE(window->document()->project().functions[hello].asyncInvoke.onSuccess.function,
                 QStringLiteral("tick"));
        QCOMPARE(window->undoStack()->count(), steps + 1);
        window->undoStack()->undo();
        QCOMPARE(window->document()->project().functions[hello].asyncInvoke.onFailure.queue,
                 QStringLiteral("failures"));
    }

    void treeAndCanvasSelectEachOther() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        const auto window = showWindow(folder);
        const EntityRef echo{EntityKind::Function, 2, -1};
        QVERIFY(window->projectTree()->selectEntity(echo));
        QCOMPARE(scene(*window)->currentEntity(), echo);
        DesignerView *v = view(*window);
        v->fitToView();
        const EntityRef route{EntityKind::Route, 0, 1};
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {},
                          toView(v, scene(*window)->nodeFor(route)->sceneBoundingRect().center()));
        QCOMPARE(window->projectTree()->currentEntity(), route);
    }

    void zoomKeysAndWheel() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        DesignerView *v = view(*window);
        v->setZoom(1);
        v->setFocus();
        QTest::keyClick(v, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(v->zoom() > 1.1);
        QTest::keyClick(v, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(v, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(v->zoom() < 0.9);
        QTest::keyClick(v, Qt::Key_0, Qt::ControlModifier);
        // Fit shows every node.
        const QRectF visible = v->mapToScene(v->viewport()->rect()).boundingRect();
        for (NodeItem *node : scene(*window)->nodes())
            QVERIFY(visible.contains(node->sceneBoundingRect()));
        const qreal fitted = v->zoom();
        QWheelEvent wheel(QPointF(100, 100), v->viewport()->mapToGlobal(QPointF(100, 100)), {},
                          QPoint(0, 120), Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(v->viewport(), &wheel);
        QVERIFY(v->zoom() > fitted);
    }

    void clickingARouteShowsItsFormAndAnInvalidPathShowsTheDiagnostic() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        DesignerView *v = view(*window);
        v->fitToView();
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {},
                          toView(v, scene(*window)->nodeFor(kRoute1)->sceneBoundingRect().center()));
        PropertyEditor *properties = window->propertyEditor();
        QCOMPARE(properties->entity(), kRoute1);
        auto *path = qobject_cast<QLineEdit *>(properties->fieldEditor(QStringLiteral("path")));
        QVERIFY(path);
        path->setFocus();
        path->selectAll();
        QTest::keyClicks(path, QStringLiteral("/orders/{id"));
        QCOMPARE(window->document()->project().apis[0].routes[1].path, QStringLiteral("/orders/{id"));
        // Inline under the field, in the diagnostics panel, and as a count on the route's node.
        QVERIFY(path->property("invalid").toBool());
        bool listed = false;
        for (int row = 0; row < window->diagnosticsModel()->rowCount(); ++row)
            listed = listed || window->diagnosticsModel()->diagnosticAt(row).path ==
                                   QLatin1String("apis[0].routes[1].path");
        QVERIFY(listed);
        QCOMPARE(scene(*window)->nodeFor(kRoute1)->content().errors, 1);
        QTest::keyClick(path, Qt::Key_BraceRight);
        QCOMPARE(scene(*window)->nodeFor(kRoute1)->content().errors, 0);
        QCOMPARE(scene(*window)->nodeFor(kRoute1)->content().title, QStringLiteral("GET /orders/{id}"));
    }

    void newFunctionGetsAStarterHandlerAndDoubleClickOpensIt() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        const auto window = showWindow(folder);
        const qsizetype before = window->document()->project().functions.size();
        dropFromPalette(*window, NewNodes::Type::Function, QPoint(300, 300));
        QCOMPARE(window->document()->project().functions.size(), before + 1);
        const Function added = window->document()->project().functions.last();
        const QString file =
            folder + QStringLiteral("/functions/") + added.name + QStringLiteral("/index.js");
        QVERIFY2(QFile::exists(file), qPrintable(file));
        // The validator finds the handler: no error on the new node.
        const EntityRef ref{EntityKind::Function, int(before), -1};
        QCOMPARE(scene(*window)->nodeFor(ref)->content().errors, 0);
        DesignerView *v = view(*window);
        const QPoint centre = toView(v, scene(*window)->nodeFor(ref)->sceneBoundingRect().center());
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(v->viewport(), Qt::LeftButton, {}, centre);
        CodeTabs *tabs = window->codeTabs();
        QVERIFY(tabs->tabForFunction(added.name) > 0);
        QCOMPARE(tabs->currentIndex(), tabs->tabForFunction(added.name));
        QVERIFY(tabs->currentEditor()->text().contains(QStringLiteral("exports.handler")));
    }

    // Grabs the canvas in a dark palette when GATEHOUSE_SCREENSHOT_DIR is set (to look at it).
    void darkPaletteScreenshot() {
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set GATEHOUSE_SCREENSHOT_DIR to write the screenshot");
        const QPalette light = QApplication::palette();
        QApplication::setPalette(test::darkPalette());
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        const auto window = showWindow(folder);
        scene(*window)->selectEntity(kRoute0);
        window->grab().save(dir + QStringLiteral("/designer-dark.png"));
        QApplication::setPalette(light);
    }

    void koreanTranslatesThePaletteAndTheDesignTab() {
        const QList<QTranslator *> before = qApp->findChildren<QTranslator *>();
        QCOMPARE(Translations::install(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        {
            const auto window = emptyProjectWindow();
            QCOMPARE(window->palette()->itemFor(NewNodes::Type::Route)->text(),
                     QStringLiteral("\ub77c\uc6b0\ud2b8"));
            QCOMPARE(window->codeTabs()->tabText(0), QStringLiteral("\ub514\uc790\uc778"));
            // A refusal reads in Korean too.
            doubleClickPalette(*window, NewNodes::Type::Route);
            QVERIFY(!view(*window)->bannerText().isEmpty());
            QVERIFY(!view(*window)->bannerText().contains(QStringLiteral("Add an API")));
        }
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            if (before.contains(translator)) continue;
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QCOMPARE(Translations::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void arrangeAutomaticallyForgetsDraggedPositions() {
        const auto window = emptyProjectWindow();
        buildApiWithTwoRoutes(*window);
        QVERIFY(window->document()->project().functions[0].position.has_value());
        window->findChild<QAction *>(QStringLiteral("arrangeAction"))->trigger();
        QVERIFY(!window->document()->project().functions[0].position.has_value());
        QVERIFY(!window->document()->project().apis[0].position.has_value());
        window->undoStack()->undo();
        QVERIFY(window->document()->project().functions[0].position.has_value());
    }
};

QTEST_MAIN(TestDesigner)
#include "tst_designer.moc"
