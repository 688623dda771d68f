#include "AboutDialog.h"

#include "Icons.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse {

QString AboutDialog::aboutText() {
    return tr("<h2>Gatehouse %1</h2>"
              "<p>Design, run and test serverless APIs on your own machine.</p>"
              "<p>Built with Qt %2, running on Qt %3.</p>"
              "<p>Licensed under the GNU General Public License, version 3 or later "
              "(GPL-3.0-or-later). See <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"
              "gnu.org/licenses/gpl-3.0</a>.</p>")
        .arg(QStringLiteral(GATEHOUSE_VERSION), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(qVersion()));
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Gatehouse"));
    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::application().pixmap(QSize(64, 64)));
    icon->setAlignment(Qt::AlignTop);
    auto *text = new QLabel(aboutText(), this);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *row = new QHBoxLayout;
    row->setSpacing(20);
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

} // namespace gatehouse
