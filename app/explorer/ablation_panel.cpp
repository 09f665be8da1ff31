// AblationPanel: the slider, the spin box and the dimension list always agree on what is kept.
#include "app/explorer/ablation_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "widgets/dimension_list.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace opdims::explorer {

namespace {
constexpr const char* kRowsPending = "op-rows?";
}

AblationPanel::AblationPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_basis(new QComboBox(this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_rank(new QSpinBox(this)),
      m_mode(new QComboBox(this)), m_list(new widgets::DimensionList(this)),
      m_numbers(new QLabel(this)), m_busy(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    // A basis name can be long ("operative Dimensionen (Spalten), nur negative Entscheidung" in
    // German): the row spans the form, so the box has all the width beside its short label.
    auto* basisLabel = new QLabel(tr("Basis:"), this);
    basisLabel->setBuddy(m_basis);
    auto* basisRow = new QHBoxLayout;
    basisRow->addWidget(basisLabel);
    basisRow->addWidget(m_basis, 1);
    form->addRow(basisRow);
    auto* rankRow = new QHBoxLayout;
    rankRow->addWidget(m_slider, 1);
    rankRow->addWidget(m_rank);
    m_rankLabel = new QLabel(tr("Kept dimensions k:"), this);
    form->addRow(m_rankLabel, rankRow);
    m_mode->addItem(tr("Keep the ticked dimensions"));
    m_mode->addItem(tr("Remove the ticked dimensions from W"));
    m_mode->setToolTip(tr("Keep: the reduced-rank weight matrix of the ticked dimensions. Remove: "
                          "W minus its projection onto them, to see which function breaks "
                          "(e.g. remove the context-1 dimensions)."));
    form->addRow(tr("Mode:"), m_mode);
    m_mode->setCurrentIndex(m_session->selection().remove ? 1 : 0);
    if (m_session->selection().remove)
        m_rankLabel->setText(tr("Removed dimensions k:"));
    layout->addLayout(form);
    layout->addWidget(m_numbers);
    layout->addWidget(m_busy);
    layout->addWidget(m_list, 1);
    m_numbers->setWordWrap(true);
    m_busy->setText(tr("computing…"));
    m_busy->setVisible(false);
    m_basis->setToolTip(tr("The basis whose first k dimensions the reduced-rank weight matrix "
                           "keeps"));
    m_slider->setToolTip(tr("Number of kept dimensions k"));
    m_rank->setToolTip(
        tr("Number of kept (or, in Remove mode, removed) dimensions k: the first k of the basis"));
    m_slider->setTracking(true);
    connect(m_slider, &QSlider::valueChanged, this, &AblationPanel::setRank);
    connect(m_rank, &QSpinBox::valueChanged, this, &AblationPanel::setRank);
    connect(m_basis, &QComboBox::currentIndexChanged, this, &AblationPanel::onBasisChosen);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_rankLabel->setText(index == 1 ? tr("Removed dimensions k:") : tr("Kept dimensions k:"));
        m_session->setAblationMode(index == 1);
    });
    connect(m_list, &widgets::DimensionList::keptChanged, this, &AblationPanel::onKeptChanged);
    connect(m_session, &Session::analysisChanged, this, &AblationPanel::onAnalysisChanged);
    connect(m_session, &Session::basesAdded, this, &AblationPanel::onBasesAdded);
}

void AblationPanel::onAnalysisChanged() {
    if (!m_session->analysis())
        return;
    const QSignalBlocker block(m_basis);
    m_basis->clear();
    for (const NamedBasis& b : m_session->bases())
        m_basis->addItem(basisTitle(b.name), QString::fromStdString(b.key));
    m_basis->addItem(tr("operative dimensions (rows): compute…"),
                     QString::fromLatin1(kRowsPending));
    // Keep the user's basis across networks when the new one has it; else operative columns.
    int index = m_basis->findData(QString::fromStdString(m_lastKey));
    if (index < 0)
        index = m_basis->findData(QString::fromStdString(
            formatBasisName({BasisKind::Operative, Side::Columns, LocationSubset::All, {}})));
    m_basis->setCurrentIndex(std::max(0, index));
    onBasisChosen();
}

void AblationPanel::onBasesAdded(int first, int count) {
    const QSignalBlocker block(m_basis);
    const int pending = m_basis->findData(QString::fromLatin1(kRowsPending));
    if (pending >= 0)
        m_basis->removeItem(pending);
    const auto& bases = m_session->bases();
    for (int i = first; i < first + count; ++i) {
        const NamedBasis& b = bases[static_cast<std::size_t>(i)];
        m_basis->addItem(basisTitle(b.name), QString::fromStdString(b.key));
    }
    m_basis->setCurrentIndex(
        m_basis->findData(QString::fromStdString(bases[static_cast<std::size_t>(first)].key)));
    onBasisChosen();
}

std::string AblationPanel::currentKey() const {
    return m_basis->currentData().toString().toStdString();
}

std::shared_ptr<const Basis> AblationPanel::currentBasis() const {
    const NamedBasis* b = m_session->basis(currentKey());
    return b ? b->basis : nullptr;
}

std::vector<bool> AblationPanel::keep() const {
    const QVector<bool> kept = m_list->kept();
    return std::vector<bool>(kept.begin(), kept.end());
}

int AblationPanel::rank() const {
    return m_slider->value();
}

void AblationPanel::onBasisChosen() {
    const std::string key = currentKey();
    if (key == kRowsPending) {
        // Stay on the previous basis until the row dimensions exist.
        const QSignalBlocker block(m_basis);
        m_basis->setCurrentIndex(std::max(0, m_basis->findData(QString::fromStdString(m_lastKey))));
        emit rowBasesWanted();
        return;
    }
    const NamedBasis* b = m_session->basis(key);
    if (!b)
        return;
    const bool sameSize = !m_lastKey.empty() && m_list->count() == b->basis->size();
    const int k = sameSize ? m_slider->value() : b->basis->size();
    m_lastKey = key;
    const Eigen::VectorXd& s = b->basis->strength;
    m_list->setDimensions(basisTitle(b->name), QVector<double>(s.data(), s.data() + s.size()));
    {
        const QSignalBlocker a(m_slider), c(m_rank);
        m_slider->setRange(0, b->basis->size());
        m_rank->setRange(0, b->basis->size());
    }
    {
        const QSignalBlocker block(m_list);
        m_list->setKeptCount(k);
    }
    {
        const QSignalBlocker a(m_slider), c(m_rank);
        m_slider->setValue(k);
        m_rank->setValue(k);
    }
    m_session->setAblationChoice(currentKey(), keep());
}

void AblationPanel::setRank(int k) {
    {
        const QSignalBlocker a(m_slider), c(m_rank);
        m_slider->setValue(k);
        m_rank->setValue(k);
    }
    m_list->setKeptCount(k); // emits keptChanged when the kept set changes
}

void AblationPanel::onKeptChanged(const QVector<bool>& kept) {
    // Ticking single dimensions: the slider shows how many are kept.
    const int count = static_cast<int>(std::count(kept.begin(), kept.end(), true));
    const QSignalBlocker a(m_slider), c(m_rank);
    m_slider->setValue(count);
    m_rank->setValue(count);
    m_session->setAblationChoice(currentKey(), keep());
}

void AblationPanel::setBusy(bool busy) {
    m_busy->setVisible(busy);
}

void AblationPanel::setNumbers(double cost, double distance, double fullCost,
                               const std::vector<GroupEffect>& groups) {
    const QLocale l;
    QString text = tr("Cost %1 (full network %2), state distance %3")
                       .arg(l.toString(cost, 'g', 4), l.toString(fullCost, 'g', 4),
                            l.toString(distance, 'g', 4));
    // Which function breaks: the same per context (ctxt), frequency band (swg) or condition label.
    auto line = [&](const GroupEffect& g) {
        return tr("%1: cost %2, state distance %3")
            .arg(conditionGroupTitle(g.label), l.toString(g.cost, 'g', 4),
                 l.toString(g.stateDistance, 'g', 4));
    };
    QString all = text;
    for (const GroupEffect& g : groups)
        all += QStringLiteral("\n") + line(g);
    // Many groups (a flip-flop's 24 transitions) would push the dimension list off the panel:
    // then only the most affected are listed, and the tooltip has them all.
    constexpr std::size_t kMaxLines = 8, kShown = 6;
    if (groups.size() <= kMaxLines) {
        m_numbers->setText(all);
        m_numbers->setToolTip(QString());
        return;
    }
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return groups[a].cost > groups[b].cost; });
    text += QStringLiteral("\n") +
            tr("Highest cost of the %1 conditions (all in the tooltip):").arg(groups.size());
    for (std::size_t i = 0; i < kShown; ++i)
        text += QStringLiteral("\n") + line(groups[order[i]]);
    m_numbers->setText(text);
    m_numbers->setToolTip(all);
}

QString AblationPanel::numbersText() const {
    return m_numbers->text();
}

void AblationPanel::selectBasis(const std::string& key) {
    const int index = m_basis->findData(QString::fromStdString(key));
    if (index >= 0)
        m_basis->setCurrentIndex(index);
}

void AblationPanel::stepBasis(int delta) {
    const int n = m_basis->count();
    if (n == 0 || delta == 0)
        return;
    int index = m_basis->currentIndex();
    for (int tries = 0; tries < n; ++tries) {
        index = ((index + (delta > 0 ? 1 : -1)) % n + n) % n;
        if (m_basis->itemData(index).toString() != QLatin1String(kRowsPending)) {
            m_basis->setCurrentIndex(index);
            return;
        }
    }
}

bool AblationPanel::removing() const {
    return m_mode->currentIndex() == 1;
}

void AblationPanel::setRemoving(bool remove) {
    m_mode->setCurrentIndex(remove ? 1 : 0);
}

} // namespace opdims::explorer
