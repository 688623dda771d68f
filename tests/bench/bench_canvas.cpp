// bench_canvas: how long the designer takes with a big project — 500 routes in 10 APIs wired to 200
// functions, plus authorizers, buckets, schedules and queues — and the memory it uses. Prints figures;
// never fails on them (target: open + lay out + render under 1 s on the 2-core reference machine).
//
// Phases, each timed on its own:
//  open    ProjectDocument::open on a shown main window: read, parse and validate gatehouse.json,
//          then the project tree, diagnostics and canvas (layout + one item per node and wire) follow
//  canvas  the canvas's share of that: one more DesignerScene::rebuild
//  render  the first paint of the canvas fitted to an 1400x900 window (QWidget::grab)
//  edit    one edit (a function's memory) and the rebuild it causes, as typing in a form does
//  drag    40 mouse moves of a node with its wires attached, each repainted
// Usage: bench_canvas [--routes N] [--functions N] [--runs N]
#include "BenchSupport.h"
#include "MainWindow.h"
#include "canvas/DesignerPage.h"
#include "canvas/DesignerScene.h"
#include "canvas/DesignerView.h"
#include "canvas/NodeItem.h"
#include "commands/ProjectSnapshotCommand.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>

using namespace gatehouse;

namespace {

Project bigProject(int routeCount, int functionCount) {
    Project p;
    p.name = QStringLiteral("big");
    for (int f = 0; f < functionCount; ++f) {
        Function function;
        function.name = QStringLiteral("fn%1").arg(f);
        function.codeUri = QStringLiteral("functions/fn%1").arg(f);
        function.runtime = f % 3 == 0 ? QStringLiteral("nodejs20.x") : QStringLiteral("javascript");
        p.functions.append(function);
    }
    constexpr int kApis = 10;
    for (int a = 0; a < kApis; ++a) {
        Api api;
        api.name = QStringLiteral("api%1").arg(a);
        api.type = a % 2 ? ApiType::Rest : ApiType::Http;
        api.stages = {Stage{a % 2 ? QStringLiteral("dev") : QStringLiteral("$default"), {}, {}, {}, {}}};
        for (int r = a; r < routeCount; r += kApis) {
            Route route;
            route.method =
                QStringList{QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT")}[r % 3];
            route.path = QStringLiteral("/resource%1/{id}").arg(r);
            route.integration.function = QStringLiteral("fn%1").arg(r % functionCount);
            if (r % 7 == 0) route.authorizer = a % 2 ? QStringLiteral("keys") : QStringLiteral("jwt");
            api.routes.append(route);
        }
        p.apis.append(api);
    }
    Authorizer jwt;
    jwt.name = QStringLiteral("jwt");
    jwt.issuer = QStringLiteral("https://issuer.example.com/");
    jwt.audience = {QStringLiteral("api")};
    jwt.jwksUri = QStringLiteral("jwks.json");
    Authorizer keys;
    keys.name = QStringLiteral("keys");
    keys.type = AuthorizerType::ApiKey;
    keys.apiKeys = {{QStringLiteral("k"), QStringLiteral("0123456789abcdefghij"), {}}};
    p.authorizers = {jwt, keys};
    for (int i = 0; i < 10; ++i) {
        Bucket bucket;
        bucket.name = QStringLiteral("bucket-%1").arg(i);
        BucketNotification notification;
        notification.function = QStringLiteral("fn%1").arg(i * 7 % functionCount);
        bucket.notifications = {notification};
        p.buckets.append(bucket);
        Schedule schedule;
        schedule.name = QStringLiteral("schedule%1").arg(i);
        schedule.function = QStringLiteral("fn%1").arg(i * 11 % functionCount);
        p.schedules.append(schedule);
        Queue queue;
        queue.name = QStringLiteral("queue%1").arg(i);
        queue.trigger =
            QueueTrigger{QStringLiteral("fn%1").arg(i * 13 % functionCount), 10, 0, false, true, {}};
        p.queues.append(queue);
    }
    return p;
}

double medianOf(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const auto option = [&](const char *name, int fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
    };
    const int routes = option("--routes", 500);
    const int functions = option("--functions", 200);
    const int runs = option("--runs", 5);

    QTemporaryDir folder;
    QString error;
    if (!ProjectFile::save(bigProject(routes, functions), folder.path(), &error)) {
        std::fprintf(stderr, "bench_canvas: cannot write the project: %s\n", qPrintable(error));
        return 2;
    }
    const QString file = folder.filePath(QStringLiteral("gatehouse.json"));
    std::printf("bench_canvas: %d routes, %d functions, %lld bytes of gatehouse.json, %d runs (median)\n",
                routes, functions, QFile(file).size(), runs);

    QList<double> openMs, canvasMs, renderMs, editMs, dragMs, totalMs;
    int nodes = 0, wires = 0;
    const double rssBefore = gatehouse::bench::residentMegabytes();
    double rssAfter = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QApplication::processEvents();
        timer.restart();
        if (!window.document()->open(file)) return 2;
        const qint64 opened = timer.nsecsElapsed();
        DesignerView *view = window.designer()->view();
        view->fitToView();
        const QPixmap frame = view->viewport()->grab();
        const qint64 rendered = timer.nsecsElapsed();
        openMs << opened / 1e6;
        renderMs << (rendered - opened) / 1e6;
        totalMs << rendered / 1e6;
        timer.restart();
        window.designer()->scene()->rebuild();
        canvasMs << timer.nsecsElapsed() / 1e6;
        nodes = int(window.designer()->scene()->nodes().size());
        wires = int(window.designer()->scene()->edges().size());

        // One property edit: the whole project value changes hands, validation and canvas follow.
        Project after = window.document()->project();
        after.functions[0].memoryMB += 64;
        timer.restart();
        window.undoStack()->push(new ProjectSnapshotCommand(window.document(), window.document()->project(),
                                                            after, QStringLiteral("edit")));
        view->viewport()->repaint();
        editMs << timer.nsecsElapsed() / 1e6;

        // Dragging the busiest function (most wires) across the view.
        NodeItem *node = window.designer()->scene()->nodeFor({EntityKind::Function, 0, -1});
        timer.restart();
        for (int step = 0; step < 40; ++step) {
            node->moveBy(3, 2);
            view->viewport()->repaint();
        }
        dragMs << timer.nsecsElapsed() / 1e6 / 40;
        rssAfter = std::max(rssAfter, gatehouse::bench::residentMegabytes());
        if (frame.isNull()) return 2;
    }
    std::printf("nodes %d, wires %d\n", nodes, wires);
    std::printf("open (file, tree, canvas)   %8.1f ms\n", medianOf(openMs));
    std::printf("  of which canvas rebuild   %8.1f ms\n", medianOf(canvasMs));
    std::printf("first render (fit)          %8.1f ms\n", medianOf(renderMs));
    std::printf("open + lay out + render     %8.1f ms   (target < 1000 ms)\n", medianOf(totalMs));
    std::printf("one edit -> canvas redrawn  %8.1f ms\n", medianOf(editMs));
    std::printf("drag frame (node + wires)   %8.2f ms\n", medianOf(dragMs));
    std::printf("memory: RSS %.1f MB before, %.1f MB with the window (peak of runs)\n", rssBefore, rssAfter);
    return 0;
}
