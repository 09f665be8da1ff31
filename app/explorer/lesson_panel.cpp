// LessonPanel (lesson_panel.h).
#include "app/explorer/lesson_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace opdims::explorer {

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_lessonTitle(new QLabel(this)),
      m_stepTitle(new QLabel(this)), m_text(new QTextBrowser(this)),
      m_back(new QPushButton(tr("◀ Back"), this)), m_next(new QPushButton(tr("Next ▶"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages);

    // The offer: shown on the first start and whenever no lesson is open.
    auto* offer = new QWidget(m_pages);
    auto* offerLayout = new QVBoxLayout(offer);
    auto* welcome = new QLabel(
        tr("<b>New to operative dimensions?</b><p>A guided lesson walks through the paper's "
           "argument on a network that shows it: what the network does, why its weight matrix "
           "needs many PC dimensions, and how few operative dimensions keep it working. Each "
           "step sets up the window; you may explore freely and come back.</p>"),
        offer);
    welcome->setWordWrap(true);
    offerLayout->addWidget(welcome);
    const std::pair<QString, QString> lessons[] = {
        {QStringLiteral("ctxt"), tr("Start the lesson on context-dependent integration")},
        {QStringLiteral("swg"), tr("Start the lesson on sine wave generation")}};
    for (const auto& [name, title] : lessons) {
        auto* b = new QPushButton(title, offer);
        b->setToolTip(tr("Opens the lesson's first step (Help > Lessons has them too)"));
        connect(b, &QPushButton::clicked, this, [this, name] { emit lessonRequested(name); });
        offerLayout->addWidget(b);
    }
    auto* later = new QPushButton(tr("Not now"), offer);
    later->setToolTip(tr("Hides this panel; Help > Lessons starts a lesson at any time"));
    connect(later, &QPushButton::clicked, this, &LessonPanel::offerDeclined);
    offerLayout->addWidget(later);
    offerLayout->addStretch();
    m_pages->addWidget(offer);

    // A step.
    auto* step = new QWidget(m_pages);
    auto* stepLayout = new QVBoxLayout(step);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    m_lessonTitle->setWordWrap(true);
    QFont bold = m_lessonTitle->font();
    bold.setBold(true);
    m_lessonTitle->setFont(bold);
    m_stepTitle->setWordWrap(true);
    stepLayout->addWidget(m_lessonTitle);
    stepLayout->addWidget(m_stepTitle);
    m_text->setOpenExternalLinks(true);
    stepLayout->addWidget(m_text, 1);
    auto* buttons = new QHBoxLayout;
    m_back->setToolTip(tr("The previous step (Page Up)"));
    m_next->setToolTip(tr("The next step (Page Down)"));
    auto* again = new QPushButton(tr("Return to this step"), step);
    again->setToolTip(
        tr("Sets the window back to this step's network, basis, k and views after you explored"));
    auto* close = new QPushButton(tr("Close"), step);
    close->setToolTip(tr("Ends the lesson; the window stays as it is"));
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    stepLayout->addLayout(buttons);
    // A second row keeps the dock narrow enough beside the 3D view.
    auto* more = new QHBoxLayout;
    more->addWidget(again);
    more->addWidget(close);
    stepLayout->addLayout(more);
    m_pages->addWidget(step);
    connect(m_back, &QPushButton::clicked, this, &LessonPanel::backRequested);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::nextRequested);
    connect(again, &QPushButton::clicked, this, &LessonPanel::returnRequested);
    connect(close, &QPushButton::clicked, this, &LessonPanel::closeRequested);
    showOffer();
}

void LessonPanel::showOffer() {
    m_pages->setCurrentIndex(0);
}

void LessonPanel::showStep(const Lesson& lesson, int index) {
    const LessonStep& s = lesson.steps[static_cast<std::size_t>(index)];
    const int count = static_cast<int>(lesson.steps.size());
    m_lessonTitle->setText(lesson.title.toHtmlEscaped());
    m_stepTitle->setText(
        tr("Step %1 of %2: %3").arg(index + 1).arg(count).arg(s.title.toHtmlEscaped()));
    QString html = s.text;
    if (!s.question.isEmpty())
        html += tr("<p style=\"background-color:#fff4d6; color:#000000\"><b>Question:</b> %1</p>")
                    .arg(s.question);
    m_text->setHtml(html);
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < count);
    m_pages->setCurrentIndex(1);
}

QString LessonPanel::stepText() const {
    return m_stepTitle->text() + QLatin1Char('\n') + m_text->toPlainText();
}

} // namespace opdims::explorer
