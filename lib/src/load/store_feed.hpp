#pragma once
// The records the loader reads, added to the store on a thread of its own: while the loader parses
// and checks a record, the builder adds the ones before it, so that on two cores a large graph
// loads in a little over the time the larger half takes. The builder gets the records in the order
// they are handed on, so the store is the same as when they are added one by one.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/store_builder.hpp"

namespace relgraph::load {

class StoreFeed {
public:
    using Origin = store::StoreBuilder::Origin;

    // Starts the builder's thread.
    explicit StoreFeed(store::StoreBuilder& builder);
    // Stops it; what it had not added is dropped (an error is on its way).
    ~StoreFeed();
    StoreFeed(const StoreFeed&) = delete;
    StoreFeed& operator=(const StoreFeed&) = delete;

    // What the builder is to do next (StoreBuilder's functions of the same names); each rethrows
    // what the builder threw on a record before.
    void beginFile(std::string name, std::uint64_t bytes);
    void declareSource(model::Source source, Origin origin);
    void declareEntity(model::Entity entity, Origin origin);
    void addRelation(model::Relation relation, Origin origin);

    // Waits until the builder has added everything; rethrows what it threw.
    void finish();

private:
    struct File {
        std::string name;
        std::uint64_t bytes;
    };
    template <class Record>
    struct Declared {
        Record record;
        Origin origin;
    };
    using Step = std::variant<File, Declared<model::Source>, Declared<model::Entity>, Declared<model::Relation>>;
    using Batch = std::vector<Step>;
    static constexpr std::size_t kBatchSteps = 256, kMaxBatches = 8;

    void add(Step&& step);
    void send();  // the batch being filled, to the builder's thread
    void run();   // the builder's thread
    void apply(Step& step);

    store::StoreBuilder& builder_;
    Batch filling_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> batches_;
    std::deque<Batch> spent_;  // added, to be freed on the loader's thread
    bool closed_ = false, stopped_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace relgraph::load
