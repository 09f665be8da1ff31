// JobStatusWidget: visible only while a job runs.
#include "app/explorer/job_status_widget.h"

#include "app/explorer/job_runner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <cmath>

namespace opdims::explorer {

JobStatusWidget::JobStatusWidget(JobRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_title(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_left(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel"), this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_left);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(200);
    m_cancel->setToolTip(tr("Stop the running job"));
    connect(m_cancel, &QPushButton::clicked, runner, &JobRunner::cancel);
    connect(runner, &JobRunner::started, this, [this](const QString& title) {
        m_title->setText(title);
        m_cancel->setEnabled(true);
        show();
    });
    connect(runner, &JobRunner::progressed, this, &JobStatusWidget::onProgress);
    connect(runner, &JobRunner::finished, this, &QWidget::hide);
    connect(runner, &JobRunner::cancelled, this, &QWidget::hide);
    connect(runner, &JobRunner::failed, this, &QWidget::hide);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_left->setText(tr("cancelling…"));
    });
    hide();
}

QString JobStatusWidget::timeLeftText(double seconds) {
    if (seconds < 0)
        return tr("estimating…");
    const long long s = std::llround(seconds);
    if (s >= 60)
        return tr("%1 min %2 s left").arg(s / 60).arg(s % 60);
    return tr("%1 s left").arg(s);
}

void JobStatusWidget::onProgress(double fraction, double secondsLeft) {
    m_bar->setValue(static_cast<int>(std::lround(fraction * 1000)));
    if (m_cancel->isEnabled())
        m_left->setText(timeLeftText(secondsLeft));
}

} // namespace opdims::explorer
