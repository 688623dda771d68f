// The central page until the canvas designer arrives: what the open project holds and whether it is
// healthy, at a glance.
#pragma once

#include <QPointer>
#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace gatehouse {

class DiagnosticsModel;
class ProjectDocument;
struct Project;

class OverviewPage : public QScrollArea {
    Q_OBJECT
public:
    OverviewPage(ProjectDocument *document, DiagnosticsModel *diagnostics, QWidget *parent = nullptr);

    // Rebuilt on the next event-loop turn after a change, so a burst of edits rebuilds once.
    void scheduleRebuild();
    void rebuild();

private:
    QWidget *buildHeader(const Project &project);
    QWidget *buildHealth();
    QWidget *buildCounts(const Project &project);
    QWidget *buildApis(const Project &project);
    QWidget *buildFunctions(const Project &project);

    QPointer<ProjectDocument> m_document;
    QPointer<DiagnosticsModel> m_diagnostics;
    bool m_rebuildPending = false;
};

} // namespace gatehouse
