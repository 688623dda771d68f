#include "OverviewPage.h"

#include "EntityText.h"
#include "Icons.h"
#include "document/ProjectDocument.h"
#include "itemmodels/DiagnosticsModel.h"

#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

constexpr int kMaxContentWidth = 960;

QLabel *iconLabel(const QIcon &icon, int size) {
    auto *label = new QLabel;
    label->setPixmap(icon.pixmap(QSize(size, size)));
    label->setFixedSize(size, size);
    return label;
}

QLabel *textLabel(const QString &text, qreal pointDelta = 0, bool bold = false, bool dim = false) {
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    if (pointDelta != 0) font.setPointSizeF(font.pointSizeF() + pointDelta);
    font.setBold(bold);
    label->setFont(font);
    if (dim) {
        // Dimmed by transparency rather than a fixed grey, so it reads on light and dark palettes.
        QPalette palette = label->palette();
        QColor color = palette.color(QPalette::WindowText);
        color.setAlphaF(0.62f);
        palette.setColor(QPalette::WindowText, color);
        label->setPalette(palette);
    }
    return label;
}

QLabel *sectionTitle(const QString &text) {
    QLabel *label = textLabel(text, 2, true);
    label->setContentsMargins(0, 12, 0, 2);
    return label;
}

QFrame *card(QWidget *content) {
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("overviewCard"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(content);
    return frame;
}

} // namespace

OverviewPage::OverviewPage(ProjectDocument *document, DiagnosticsModel *diagnostics, QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
    , m_diagnostics(diagnostics) {
    setObjectName(QStringLiteral("overviewPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // palette(...) keeps the cards readable under light and dark palettes alike.
    setStyleSheet(
        QStringLiteral("QFrame#overviewCard { background: palette(base); border: 1px solid palette(midlight);"
                       " border-radius: 6px; }"));
    connect(document, &ProjectDocument::changed, this, &OverviewPage::scheduleRebuild);
    connect(document, &ProjectDocument::projectReplaced, this, &OverviewPage::scheduleRebuild);
    connect(document, &ProjectDocument::folderChanged, this, &OverviewPage::scheduleRebuild);
    connect(diagnostics, &QAbstractItemModel::modelReset, this, &OverviewPage::scheduleRebuild);
    rebuild();
}

void OverviewPage::scheduleRebuild() {
    if (m_rebuildPending) return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, &OverviewPage::rebuild);
}

void OverviewPage::rebuild() {
    m_rebuildPending = false;
    if (!m_document) return;
    const Project &project = m_document->project();

    auto *column = new QWidget;
    column->setMaximumWidth(kMaxContentWidth);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(10);
    layout->addWidget(buildHeader(project));
    layout->addWidget(buildHealth());
    layout->addWidget(sectionTitle(tr("At a glance")));
    layout->addWidget(buildCounts(project));
    layout->addWidget(sectionTitle(EntityText::groupTitle(EntityKind::Api)));
    layout->addWidget(buildApis(project));
    layout->addWidget(sectionTitle(EntityText::groupTitle(EntityKind::Function)));
    layout->addWidget(buildFunctions(project));
    layout->addStretch(1);

    // The column keeps a readable line length on wide windows; the outer widget fills the area.
    auto *page = new QWidget;
    auto *outer = new QHBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(column, 1);
    outer->addStretch(0);
    setWidget(page); // deletes the previous page
}

QWidget *OverviewPage::buildHeader(const Project &project) {
    auto *header = new QWidget;
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(iconLabel(Icons::application(), 56), 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(4);
    QString name = project.name;
    if (name.isEmpty() && m_document->hasFolder()) name = QDir(m_document->folder()).dirName();
    if (name.isEmpty()) name = tr("Untitled project");
    QLabel *title = textLabel(name, 9, true);
    title->setObjectName(QStringLiteral("overviewTitle"));
    texts->addWidget(title);
    if (!project.description.isEmpty()) {
        QLabel *description = textLabel(project.description, 1);
        description->setWordWrap(true);
        texts->addWidget(description);
    }
    const QString where =
        m_document->hasFolder() ? QDir::toNativeSeparators(m_document->folder()) : tr("Not saved yet");
    QLabel *folder = textLabel(where, 0, false, true);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(folder);
    layout->addLayout(texts, 1);
    return header;
}

QWidget *OverviewPage::buildHealth() {
    const int errors = m_diagnostics ? m_diagnostics->errorCount() : 0;
    const int warnings = m_diagnostics ? m_diagnostics->warningCount() : 0;
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    QIcon icon = Icons::healthy();
    QString text = tr("No problems found.");
    if (errors > 0 && warnings > 0) {
        icon = Icons::forSeverity(Diagnostic::Severity::Error);
        text = tr("%1 and %2; see the Diagnostics panel.")
                   .arg(tr("%n error(s)", "", errors), tr("%n warning(s)", "", warnings));
    } else if (errors > 0) {
        icon = Icons::forSeverity(Diagnostic::Severity::Error);
        text = tr("%n error(s); see the Diagnostics panel.", "", errors);
    } else if (warnings > 0) {
        icon = Icons::forSeverity(Diagnostic::Severity::Warning);
        text = tr("%n warning(s); see the Diagnostics panel.", "", warnings);
    }
    layout->addWidget(iconLabel(icon, 20));
    QLabel *label = textLabel(text, 0.5);
    label->setObjectName(QStringLiteral("overviewHealth"));
    layout->addWidget(label, 1);
    return card(row);
}

QWidget *OverviewPage::buildCounts(const Project &project) {
    int routes = 0;
    for (const Api &api : project.apis)
        routes += int(api.routes.size());
    const QList<std::pair<EntityKind, int>> counts = {
        {EntityKind::Api, int(project.apis.size())},
        {EntityKind::Route, routes},
        {EntityKind::Function, int(project.functions.size())},
        {EntityKind::Authorizer, int(project.authorizers.size())},
        {EntityKind::Bucket, int(project.buckets.size())},
        {EntityKind::Schedule, int(project.schedules.size())},
        {EntityKind::Queue, int(project.queues.size())},
        {EntityKind::Request, int(project.requests.size())},
    };
    auto *grid = new QWidget;
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    constexpr int kColumns = 4;
    for (int i = 0; i < counts.size(); ++i) {
        const auto [kind, count] = counts[i];
        auto *content = new QWidget;
        auto *row = new QHBoxLayout(content);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(12);
        row->addWidget(iconLabel(Icons::forKind(kind), 28));
        auto *texts = new QVBoxLayout;
        texts->setSpacing(0);
        // Empty kinds recede, so the eye goes to what the project actually has.
        texts->addWidget(textLabel(QString::number(count), 8, true, count == 0));
        texts->addWidget(textLabel(EntityText::groupTitle(kind), 0, false, true));
        row->addLayout(texts, 1);
        layout->addWidget(card(content), i / kColumns, i % kColumns);
    }
    for (int c = 0; c < kColumns; ++c)
        layout->setColumnStretch(c, 1);
    return grid;
}

QWidget *OverviewPage::buildApis(const Project &project) {
    if (project.apis.isEmpty()) return textLabel(tr("No APIs yet."), 0, false, true);
    auto *list = new QWidget;
    auto *layout = new QGridLayout(list);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(14);
    layout->setVerticalSpacing(8);
    for (int i = 0; i < project.apis.size(); ++i) {
        const Api &api = project.apis[i];
        layout->addWidget(iconLabel(Icons::forApiType(int(api.type)), 20), i, 0);
        layout->addWidget(textLabel(api.name, 0, true), i, 1);
        layout->addWidget(textLabel(tr("%1 API").arg(EntityText::apiType(api.type))), i, 2);
        layout->addWidget(textLabel(tr("%n route(s)", "", int(api.routes.size()))), i, 3);
        QLabel *description = textLabel(api.description, 0, false, true);
        description->setWordWrap(true);
        layout->addWidget(description, i, 4);
    }
    layout->setColumnStretch(4, 1);
    return card(list);
}

QWidget *OverviewPage::buildFunctions(const Project &project) {
    if (project.functions.isEmpty()) return textLabel(tr("No functions yet."), 0, false, true);
    auto *list = new QWidget;
    auto *layout = new QGridLayout(list);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(14);
    layout->setVerticalSpacing(8);
    for (int i = 0; i < project.functions.size(); ++i) {
        const Function &function = project.functions[i];
        layout->addWidget(iconLabel(Icons::forKind(EntityKind::Function), 20), i, 0);
        layout->addWidget(textLabel(function.name, 0, true), i, 1);
        layout->addWidget(textLabel(function.runtime), i, 2);
        layout->addWidget(
            textLabel(tr("%1 MB \u00b7 %2 s").arg(function.memoryMB).arg(function.timeoutSeconds)), i, 3);
        QLabel *description = textLabel(function.description, 0, false, true);
        description->setWordWrap(true);
        layout->addWidget(description, i, 4);
    }
    layout->setColumnStretch(4, 1);
    return card(list);
}

} // namespace gatehouse
