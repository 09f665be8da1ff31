// The status-bar part that shows the running long job: title, progress, time left, Cancel.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace opdims::explorer {

class JobRunner;

class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(JobRunner* runner, QWidget* parent = nullptr);

    // "1 min 5 s left", "12 s left", or "estimating…" for a negative estimate.
    static QString timeLeftText(double seconds);

private:
    void onProgress(double fraction, double secondsLeft);

    JobRunner* m_runner;
    QLabel* m_title;
    QProgressBar* m_bar;
    QLabel* m_left;
    QPushButton* m_cancel;
};

} // namespace opdims::explorer
