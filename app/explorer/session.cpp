// The explorer's session state and its change signals.
#include "app/explorer/session.h"

#include <QFileInfo>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>

namespace opdims::explorer {

namespace {

// A 64-bit digest of numbers and text, to tell networks and batches apart by content.
class Fingerprint {
public:
    void addBytes(const void* data, std::size_t bytes) {
        mix(std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(data), bytes)));
        mix(bytes);
    }
    void add(const std::string& text) { addBytes(text.data(), text.size()); }
    void add(double value) { addBytes(&value, sizeof value); }
    void add(std::int64_t value) { addBytes(&value, sizeof value); }
    void add(const Eigen::MatrixXd& m) {
        add(static_cast<std::int64_t>(m.rows()));
        add(static_cast<std::int64_t>(m.cols()));
        addBytes(m.data(), static_cast<std::size_t>(m.size()) * sizeof(double));
    }
    void add(const std::vector<Eigen::MatrixXd>& ms) {
        add(static_cast<std::int64_t>(ms.size()));
        for (const Eigen::MatrixXd& m : ms)
            add(m);
    }
    std::string hex() const {
        static const char* digits = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 0; i < 16; ++i)
            out[static_cast<std::size_t>(i)] = digits[(m_hash >> (60 - 4 * i)) & 0xf];
        return out;
    }

private:
    void mix(std::uint64_t value) {
        m_hash ^= value + 0x9e3779b97f4a7c15ULL + (m_hash << 6) + (m_hash >> 2);
        m_hash *= 0x100000001b3ULL;
    }
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

// The network whose sweeps these are: its file and network number when it was opened from one,
// and its weights (a network opened again, or the same embedded network, has the same).
std::string networkIdentity(const OpenedModel& opened, const Model& model) {
    std::string id;
    if (opened.model.get() == &model && !opened.path.isEmpty()) {
        const QFileInfo file(opened.path);
        const QString path =
            file.canonicalFilePath().isEmpty() ? file.absoluteFilePath() : file.canonicalFilePath();
        id = path.toStdString() + " #" + std::to_string(opened.net) + " ";
    }
    Fingerprint f;
    for (const Eigen::MatrixXd* m : {&model.W, &model.W_in, &model.W_out, &model.x0})
        f.add(*m);
    f.add(Eigen::MatrixXd(model.b));
    f.add(Eigen::MatrixXd(model.b_z));
    f.add(model.dt);
    f.add(model.tau);
    return id + f.hex();
}

// The batch the sweeps ran on: the task's grid or a trial set, told apart by everything a sweep
// depends on, the sampling locations (and so the bases) included. All swg frequencies draw more
// conditions of the same grid batch (core/ablation/model_analysis.cpp): the same batch.
std::string batchIdentity(const ModelAnalysis& analysis) {
    const Batch& b = analysis.batch();
    Fingerprint f;
    f.add(static_cast<std::int64_t>(analysis.task));
    f.add(static_cast<std::int64_t>(b.task));
    f.add(b.kind);
    f.add(static_cast<std::int64_t>(b.steps));
    f.add(static_cast<std::int64_t>(b.trials.size()));
    for (const TrialInfo& t : b.trials) {
        f.add(t.label);
        for (const std::int64_t n :
             {std::int64_t{t.context}, std::int64_t{t.freqId}, std::int64_t{t.x0Column}})
            f.add(n);
        f.add(t.coh1);
        f.add(t.coh2);
    }
    f.add(b.u);
    f.add(b.y);
    f.add(b.mask);
    f.add(static_cast<std::int64_t>(b.networkNoise));
    f.add(static_cast<std::int64_t>(b.noiseSeed));
    f.add(b.networkNoiseSigma);
    for (const std::string& c : b.samplingConditions)
        f.add(c);
    for (int t : b.samplingTimes)
        f.add(static_cast<std::int64_t>(t));
    return (analysis.trialSet ? "trials " + b.source + " " : std::string("grid ")) + f.hex();
}

} // namespace

Session::Session(QObject* parent) : QObject(parent) {}

void Session::setNetwork(OpenedModel network) {
    m_network = std::move(network);
    m_analysis.reset();
    m_bases.clear();
    m_inputs.clear();
    m_result.reset();
    m_searched.reset();
    const bool sweepsShown = showSweepsOf({}, {});
    emit networkChanged();
    if (sweepsShown)
        emit sweepsChanged();
}

void Session::setAnalysis(std::shared_ptr<const ModelAnalysis> analysis) {
    m_analysis = std::move(analysis);
    m_bases = m_analysis ? m_analysis->bases : std::vector<NamedBasis>{};
    m_inputs.clear();
    if (m_analysis) {
        // The input choice survives when the same kind of network is analysed again (on the same
        // trial set).
        const std::string trials =
            m_analysis->trialSet ? m_analysis->batch().source : std::string();
        const bool sameKind = m_analysis->task == m_lastTask &&
                              m_analysis->model->units() == m_lastUnits && trials == m_lastTrials;
        m_lastTask = m_analysis->task;
        m_lastUnits = m_analysis->model->units();
        m_lastTrials = trials;
        const bool isTrialSet = m_analysis->task == TaskKind::Data;
        if (!sameKind)
            m_selection.fixedPointTime = defaultTrialSetTime(*m_analysis);
        m_selection.fixedPointTime =
            std::clamp(m_selection.fixedPointTime, 1, std::max(1, m_analysis->batch().steps));
        m_inputs = explorer::fixedPointInputs(*m_analysis, m_selection.fixedPointTime);
        if (!sameKind || m_selection.fixedPointInput < 0 ||
            m_selection.fixedPointInput >= static_cast<int>(m_inputs.size()))
            m_selection.fixedPointInput = isTrialSet ? defaultTrialSetInput(*m_analysis)
                                                     : defaultFixedPointProblem(m_analysis->task);
    }
    m_result.reset();
    m_searched.reset();
    const bool sweepsShown = m_analysis
                                 ? showSweepsOf(networkIdentity(m_network, *m_analysis->model),
                                                batchIdentity(*m_analysis))
                                 : showSweepsOf({}, {});
    m_timeStep = std::clamp(m_timeStep, 0, std::max(0, timeSteps() - 1));
    emit analysisChanged();
    if (sweepsShown)
        emit sweepsChanged();
}

bool Session::showSweepsOf(std::string network, std::string batch) {
    if (network == m_sweepNetwork && batch == m_sweepBatch)
        return false; // the same network on the same batch (analysed again) keeps its sweeps
    const bool hadSweeps = !m_sweeps.empty();
    if (hadSweeps && !m_sweepNetwork.empty())
        m_keptSweeps.insert(m_keptSweeps.begin(),
                            SweepSet{m_sweepNetwork, m_sweepBatch, std::move(m_sweeps)});
    m_sweeps.clear();
    const auto kept =
        std::find_if(m_keptSweeps.begin(), m_keptSweeps.end(), [&](const SweepSet& set) {
            return set.network == network && set.batch == batch;
        });
    if (!network.empty() && kept != m_keptSweeps.end()) {
        m_sweeps = std::move(kept->sweeps);
        m_keptSweeps.erase(kept);
    }
    m_sweepNetwork = std::move(network);
    m_sweepBatch = std::move(batch);
    keepSweepBound();
    return hadSweeps || !m_sweeps.empty();
}

void Session::adoptSweepsPutAside(const std::vector<SweepSet>& sets) {
    for (const SweepSet& set : sets) {
        if (set.network.empty() || set.sweeps.empty() ||
            (set.network == m_sweepNetwork && set.batch == m_sweepBatch))
            continue;
        const bool known =
            std::any_of(m_keptSweeps.begin(), m_keptSweeps.end(), [&](const SweepSet& mine) {
                return mine.network == set.network && mine.batch == set.batch;
            });
        if (!known)
            m_keptSweeps.push_back(set);
    }
    keepSweepBound();
}

void Session::keepSweepBound() {
    // The sweeps shown count as one set once there are any.
    const std::size_t aside = kKeptSweepSets - (m_sweeps.empty() ? 0 : 1);
    if (m_keptSweeps.size() > aside)
        m_keptSweeps.resize(aside);
}

void Session::setFixedPointTime(int t) {
    if (!m_analysis || m_analysis->task != TaskKind::Data)
        return;
    t = std::clamp(t, 1, std::max(1, m_analysis->batch().steps));
    if (t == m_selection.fixedPointTime)
        return;
    m_selection.fixedPointTime = t;
    m_inputs = explorer::fixedPointInputs(*m_analysis, t);
    emit fixedPointInputsChanged();
    if (m_selection.fixedPoints)
        emit selectionChanged();
}

const NamedBasis* Session::basis(const std::string& key) const {
    for (const NamedBasis& b : m_bases)
        if (b.key == key)
            return &b;
    return nullptr;
}

void Session::addBases(const std::vector<NamedBasis>& bases) {
    if (bases.empty())
        return;
    const int first = static_cast<int>(m_bases.size());
    m_bases.insert(m_bases.end(), bases.begin(), bases.end());
    emit basesAdded(first, static_cast<int>(bases.size()));
}

void Session::setResult(std::shared_ptr<const AblationResult> result) {
    if (result && result->analysis != m_analysis)
        return; // a result of a network no longer shown
    m_result = std::move(result);
    emit resultChanged();
}

void Session::setSearchedFixedPoints(quint64 generation,
                                     std::shared_ptr<const FixedPointResult> points,
                                     const FixedPointInput& input,
                                     std::shared_ptr<const FixedPointResult> full) {
    m_searchedGeneration = generation;
    m_searched = std::move(points);
    m_searchedFull = std::move(full);
    m_searchedInput = input;
    m_selection.fixedPoints = true;
    emit fixedPointsChanged();
}

std::optional<Session::ShownFixedPoints> Session::shownFixedPoints(bool quickWanted) const {
    if (!m_result || m_result->analysis != m_analysis)
        return std::nullopt;
    if (m_searched && m_searchedGeneration == m_result->generation)
        return ShownFixedPoints{m_searched, m_searchedInput, true, m_searchedFull};
    if (!m_result->fixedPoints || !quickWanted)
        return std::nullopt;
    // The quick points belong to the input of their request, which the user may have changed
    // since: name it from the choices.
    ShownFixedPoints shown{{m_result, &*m_result->fixedPoints}, {}, false, nullptr}; // shares it
    if (m_result->fullFixedPoints)
        shown.full = {m_result, &*m_result->fullFixedPoints};
    shown.input.problem.input = m_result->fixedPointInput;
    const Eigen::VectorXd& u = shown.input.problem.input;
    auto matches = [&u](const FixedPointInput& in) {
        return in.problem.input.size() == u.size() && in.problem.input == u;
    };
    // Several conditions can share an input (every flip-flop condition is zero while it holds):
    // the chosen one names it when it matches, else the first that does.
    const int chosen = m_selection.fixedPointInput;
    if (chosen >= 0 && chosen < static_cast<int>(m_inputs.size()) &&
        matches(m_inputs[static_cast<std::size_t>(chosen)])) {
        shown.input = m_inputs[static_cast<std::size_t>(chosen)];
        return shown;
    }
    for (const FixedPointInput& in : m_inputs)
        if (matches(in)) {
            shown.input = in;
            break;
        }
    return shown;
}

void Session::addSweep(const std::string& key, SweepResult sweep) {
    m_sweeps[key] = std::move(sweep);
    keepSweepBound();
    emit sweepsChanged();
}

void Session::startTrainingLog() {
    m_trainingLog.clear();
    emit trainingLogReset();
}

void Session::appendLoss(double iteration, double loss) {
    m_trainingLog.emplace_back(iteration, loss);
    emit lossAppended(iteration, loss);
}

void Session::setAblationChoice(std::string basisKey, std::vector<bool> keep) {
    m_selection.basisKey = std::move(basisKey);
    m_selection.keep = std::move(keep);
    emit selectionChanged();
}

void Session::setAblationMode(bool remove) {
    if (remove == m_selection.remove)
        return;
    m_selection.remove = remove;
    emit selectionChanged();
}

void Session::setFixedPointChoice(bool wanted, int input) {
    // The input matters only while fixed points are wanted.
    const bool matters =
        wanted != m_selection.fixedPoints || (wanted && input != m_selection.fixedPointInput);
    m_selection.fixedPoints = wanted;
    m_selection.fixedPointInput = input;
    if (matters)
        emit selectionChanged();
}

std::shared_ptr<const Basis> Session::selectedBasis() const {
    const NamedBasis* b = basis(m_selection.basisKey);
    return b ? b->basis : nullptr;
}

const FixedPointInput* Session::selectedFixedPointInput() const {
    const int i = m_selection.fixedPointInput;
    return i >= 0 && i < static_cast<int>(m_inputs.size()) ? &m_inputs[static_cast<std::size_t>(i)]
                                                           : nullptr;
}

} // namespace opdims::explorer

namespace opdims::explorer {

int Session::timeSteps() const {
    return m_analysis ? m_analysis->batch().steps : 0;
}

void Session::setTimeStep(int t) {
    t = std::clamp(t, 0, std::max(0, timeSteps() - 1));
    if (t == m_timeStep)
        return;
    m_timeStep = t;
    emit timeChanged(t);
}

} // namespace opdims::explorer
