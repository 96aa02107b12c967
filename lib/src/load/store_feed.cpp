#include "load/store_feed.hpp"

namespace relgraph::load {

StoreFeed::StoreFeed(store::StoreBuilder& builder) : builder_(builder), thread_([this] { run(); }) {}

StoreFeed::~StoreFeed() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = closed_ = true;
        batches_.clear();
        changed_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
}

void StoreFeed::beginFile(std::string name, std::uint64_t bytes) { add(File{std::move(name), bytes}); }
void StoreFeed::declareSource(model::Source source, Origin origin) { add(Declared<model::Source>{std::move(source), origin}); }
void StoreFeed::declareEntity(model::Entity entity, Origin origin) { add(Declared<model::Entity>{std::move(entity), origin}); }
void StoreFeed::addRelation(model::Relation relation, Origin origin) {
    add(Declared<model::Relation>{std::move(relation), origin});
}

void StoreFeed::add(Step&& step) {
    filling_.push_back(std::move(step));
    if (filling_.size() == kBatchSteps) send();
}

void StoreFeed::send() {
    std::deque<Batch> spent;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return failure_ || batches_.size() < kMaxBatches; });
        if (failure_) std::rethrow_exception(failure_);
        batches_.push_back(std::move(filling_));
        spent.swap(spent_);
        changed_.notify_all();
    }
    filling_ = {};
    filling_.reserve(kBatchSteps);
    // The records' memory goes back where it came from: freed on the thread that allocated it, the
    // allocator takes no lock that the other thread holds.
}

void StoreFeed::finish() {
    if (!filling_.empty()) send();
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
}

void StoreFeed::run() {
    while (true) {
        Batch batch;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
            if (stopped_ || batches_.empty()) return;
            batch = std::move(batches_.front());
            batches_.pop_front();
            changed_.notify_all();
        }
        try {
            for (Step& step : batch) apply(step);
            std::lock_guard lock(mutex_);
            spent_.push_back(std::move(batch));
        } catch (...) {
            std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
            batches_.clear();
            changed_.notify_all();
            return;
        }
    }
}

void StoreFeed::apply(Step& step) {
    std::visit(
        [&](auto& s) {
            using S = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<S, File>) {
                builder_.beginFile(s.name);
                builder_.reserveForJson(s.bytes);
            } else if constexpr (std::is_same_v<S, Declared<model::Source>>) {
                builder_.declareSource(s.record, s.origin);
            } else if constexpr (std::is_same_v<S, Declared<model::Entity>>) {
                builder_.declareEntity(s.record, s.origin);
            } else {
                builder_.addRelation(s.record, s.origin);
            }
        },
        step);
}

}  // namespace relgraph::load
