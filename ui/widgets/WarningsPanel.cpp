#include "WarningsPanel.h"

#include "Icons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedLayout>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

constexpr int kIconSize = 16;

QString lineOf(const Diagnostic &d) {
    if (d.line <= 0) return {};
    return d.column > 0 ? QStringLiteral("%1:%2").arg(d.line).arg(d.column) : QString::number(d.line);
}

// QStyledItemDelegate measures wrapped text only when the option's rect has a width, and tree views
// pass none; without this, long messages are elided on one line instead of wrapping.
class WrappingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QStyleOptionViewItem sized = option;
        if (const auto *view = qobject_cast<const QTreeView *>(option.widget))
            sized.rect = QRect(0, 0, view->columnWidth(index.column()), 1); // valid: width and height
        return QStyledItemDelegate::sizeHint(sized, index);
    }
};

} // namespace

WarningsPanel::WarningsPanel(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_count(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout) {
    setObjectName(QStringLiteral("warningsPanel"));
    m_count->setObjectName(QStringLiteral("warningsCount"));
    m_list->setObjectName(QStringLiteral("warningsList"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    m_icon->setFixedSize(kIconSize, kIconSize);

    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Severity"), tr("Line"), tr("Where"), tr("Message")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // Messages and hints run long; wrapping keeps them readable without a horizontal scroll bar.
    m_list->setWordWrap(true);
    m_list->setItemDelegate(new WrappingDelegate(m_list));
    m_list->setUniformRowHeights(false);
    m_list->setIconSize(QSize(kIconSize, kIconSize));
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LocationColumn, QHeaderView::Interactive);
    header->resizeSection(LocationColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    // Wrapped rows keep the height measured at the old width; measure again when a column changes.
    connect(header, &QHeaderView::sectionResized, m_list, [this] { m_list->doItemsLayout(); });

    // The empty list says why it is empty instead of looking like nothing was checked.
    m_empty->setObjectName(QStringLiteral("warningsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_icon);
    top->addWidget(m_count, 1);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(m_stack, 1);
    setDiagnostics({});
}

QString WarningsPanel::countText(int errors, int warnings) {
    if (errors > 0 && warnings > 0)
        return tr("%1, %2").arg(tr("%n error(s)", "", errors), tr("%n warning(s)", "", warnings));
    if (errors > 0) return tr("%n error(s)", "", errors);
    if (warnings > 0) return tr("%n warning(s)", "", warnings);
    return tr("No warnings");
}

QString WarningsPanel::countText() const {
    return m_count->text();
}

void WarningsPanel::setEmptyText(const QString &text) {
    m_empty->setText(text);
}

void WarningsPanel::setDiagnostics(const Diagnostics &diagnostics) {
    m_diagnostics.clear();
    for (const Diagnostic &d : diagnostics)
        if (d.isError()) m_diagnostics.append(d);
    for (const Diagnostic &d : diagnostics)
        if (!d.isError()) m_diagnostics.append(d);

    const int errors = errorCount(m_diagnostics);
    const int warnings = int(m_diagnostics.size()) - errors;
    m_count->setText(countText(errors, warnings));
    const QIcon icon = errors > 0     ? Icons::forSeverity(Diagnostic::Severity::Error)
                       : warnings > 0 ? Icons::forSeverity(Diagnostic::Severity::Warning)
                                      : Icons::healthy();
    m_icon->setPixmap(icon.pixmap(QSize(kIconSize, kIconSize)));

    m_list->clear();
    bool anyLine = false;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setIcon(SeverityColumn, Icons::forSeverity(d.severity));
        item->setText(SeverityColumn, d.isError() ? tr("Error") : tr("Warning"));
        item->setText(LineColumn, lineOf(d));
        item->setText(LocationColumn, d.path.isEmpty() ? d.file : d.path);
        item->setToolTip(LocationColumn, d.path.isEmpty() ? d.file : d.file + QLatin1Char(':') + d.path);
        item->setText(MessageColumn,
                      d.hint.isEmpty() ? d.message : tr("%1\nHint: %2").arg(d.message, d.hint));
        item->setToolTip(MessageColumn, d.toString());
        anyLine = anyLine || d.line > 0;
    }
    // Exports point into gatehouse.json by JSON path only; the column is for imported files.
    m_list->setColumnHidden(LineColumn, !anyLine);
    m_stack->setCurrentWidget(m_diagnostics.isEmpty() ? static_cast<QWidget *>(m_empty) : m_list);
}

} // namespace gatehouse
