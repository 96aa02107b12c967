#include "interchange/block_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interchange/text_position.hpp"

namespace relgraph::interchange {

namespace {

// The index of the first byte of text[from, size) that is not valid UTF-8; `size` when all are.
std::size_t firstInvalidUtf8(const char* text, std::size_t from, std::size_t size) {
    std::size_t i = from;
    while (i < size) {
        // Eight ASCII bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, text + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= size) break;
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8SequenceAt(text, size, i);
        if (length == 0) return i;
        i += length;
    }
    return size;
}

}  // namespace

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool hasControlByte(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

RecordReader::RecordReader(std::string file, std::vector<Diagnostic>& problems, std::size_t blockSize,
                           std::function<void(std::uint64_t)> progress)
    : file_(std::move(file)), problems_(problems), blockSize_(std::max<std::size_t>(blockSize, 64)),
      progress_(std::move(progress)) {}

RecordReader::~RecordReader() {
    if (fd_ >= 0) ::close(fd_);
}

bool RecordReader::open(std::string& error) {
    do {
        fd_ = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
        error = std::strerror(errno);
        return false;
    }
    struct stat info {};
    if (::fstat(fd_, &info) == 0 && S_ISREG(info.st_mode)) fileSize_ = static_cast<std::uint64_t>(info.st_size);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
    return true;
}

void RecordReader::problem(std::size_t index, std::string message) {
    // Lines from pos_ (whose line is known) to the byte at `index`.
    std::uint64_t line = line_, lineStart = lineStart_;
    for (std::size_t i = pos_; i < index; ++i) {
        if (buffer_[i] == '\n') {
            ++line;
            lineStart = base_ + i + 1;
        }
    }
    problemAt(line, base_ + index - lineStart + 1, std::move(message));
}

void RecordReader::problemAt(std::uint64_t line, std::uint64_t column, std::string message) {
    problems_.push_back({Place{file_, line, column, {}}, std::move(message)});
}

bool RecordReader::fill() {
    if (eof_) return false;
    if (buffer_.empty()) {
        capacity_ = blockSize_;
        buffer_.resize(capacity_);
    }
    if (pos_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
        base_ += pos_;
        end_ -= pos_;
        regionEnd_ = regionEnd_ > pos_ ? regionEnd_ - pos_ : 0;
        checked_ = checked_ > pos_ ? checked_ - pos_ : 0;
        pos_ = 0;
    }
    if (end_ == capacity_) {  // one record fills the buffer: make room for more of it
        const std::size_t grown = capacity_ * 2;
        buffer_.resize(grown);
        capacity_ = grown;
    }
    std::uint64_t added = 0;
    while (end_ < capacity_) {
        const ssize_t n = ::read(fd_, buffer_.data() + end_, capacity_ - end_);
        if (n < 0) {
            if (errno == EINTR) continue;
            problemAt(0, 0, std::string("cannot read file: ") + std::strerror(errno));
            failed_ = true;
            eof_ = true;
            break;
        }
        if (n == 0) {
            eof_ = true;
            break;
        }
        end_ += static_cast<std::size_t>(n);
        added += static_cast<std::uint64_t>(n);
    }
    bytesRead_ += added;
    if (progress_ && added > 0) progress_(added);
    findRegionEnd();
    checkUtf8(regionEnd_);
    return true;
}

void RecordReader::findRegionEnd() {
    if (eof_) {
        regionEnd_ = end_;
        return;
    }
    const char* data = buffer_.data();
    for (std::size_t i = end_; i > regionEnd_; --i) {
        if (data[i - 1] == '\n') {
            regionEnd_ = i;
            return;
        }
    }
}

void RecordReader::checkUtf8(std::size_t upTo) {
    if (invalidUtf8_ || upTo <= checked_) return;
    const std::size_t bad = firstInvalidUtf8(buffer_.data(), checked_, upTo);
    checked_ = upTo;
    if (bad < upTo) {
        invalidUtf8_ = true;
        problem(bad, "invalid UTF-8");
    }
}

std::string_view RecordReader::firstLine() {
    std::size_t searched = 0;
    while (true) {
        if (!buffer_.empty()) {
            const char* data = buffer_.data();
            const void* found = std::memchr(data + searched, '\n', end_ - searched);
            if (found) return {data, static_cast<std::size_t>(static_cast<const char*>(found) - data)};
            searched = end_;
        }
        if (eof_ || !fill()) return !buffer_.empty() ? std::string_view(buffer_.data(), end_) : std::string_view();
    }
}

char RecordReader::detectDelimiter(char commentPrefix) {
    std::size_t start = 0;
    while (true) {
        const char* data = !buffer_.empty() ? buffer_.data() : nullptr;
        const char* newline = data ? static_cast<const char*>(std::memchr(data + start, '\n', end_ - start)) : nullptr;
        if (!newline && !eof_) {
            fill();
            continue;
        }
        const std::size_t stop = newline ? static_cast<std::size_t>(newline - data) : end_;
        const std::string_view line(data ? data + start : "", stop - start);
        if (!(line.empty() || line == "\r" || line.front() == commentPrefix)) {
            for (const char candidate : {'|', '\t', ','}) {
                if (line.find(candidate) != std::string_view::npos) return candidate;
            }
            return ' ';
        }
        if (!newline) return ' ';
        start = stop + 1;
    }
}

void RecordReader::start(char delimiter, char commentPrefix) {
    delimiter_ = delimiter;
    comment_ = commentPrefix;
    started_ = true;
    while (!eof_ && end_ < 3) fill();
    if (base_ == 0 && pos_ == 0 && end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
}

bool RecordReader::next(StreamRecord& record) {
    while (!invalidUtf8_ && !failed_) {
        switch (scan(record)) {
            case Scan::Record: return true;
            case Scan::Skipped: break;
            case Scan::End: return false;
            case Scan::Incomplete:
                if (!fill()) return false;
                break;
        }
    }
    return false;
}

void RecordReader::skipRest() {
    while (!invalidUtf8_ && !failed_) {
        const char* data = !buffer_.empty() ? buffer_.data() : "";
        for (std::size_t i = pos_; i < regionEnd_;) {
            const void* found = std::memchr(data + i, '\n', regionEnd_ - i);
            if (!found) break;
            i = static_cast<std::size_t>(static_cast<const char*>(found) - data) + 1;
            ++line_;
            lineStart_ = base_ + i;
        }
        pos_ = std::max(pos_, regionEnd_);
        if (eof_ || !fill()) return;
    }
}

RecordReader::Scan RecordReader::scan(StreamRecord& record) {
    const char* b = !buffer_.empty() ? buffer_.data() : "";
    const std::size_t limit = regionEnd_;
    std::size_t p = pos_;
    std::uint64_t line = line_, lineStart = lineStart_;
    const auto newline = [&](std::size_t at) {
        ++line;
        lineStart = base_ + at + 1;
    };
    const auto commit = [&] {
        pos_ = p;
        line_ = line;
        lineStart_ = lineStart;
    };
    const auto skipToLineEnd = [&] {
        const void* found = p < limit ? std::memchr(b + p, '\n', limit - p) : nullptr;
        if (!found) {
            p = limit;
            return;
        }
        p = static_cast<std::size_t>(static_cast<const char*>(found) - b);
        newline(p);
        ++p;
    };

    // Empty lines and comments.
    while (true) {
        if (p >= limit) {
            commit();
            return eof_ && p >= end_ ? Scan::End : Scan::Incomplete;
        }
        const char c = b[p];
        if (c == '\n') {
            newline(p);
            ++p;
        } else if (c == '\r') {
            ++p;
        } else if (comment_ != 0 && c == comment_) {
            skipToLineEnd();
        } else {
            break;
        }
    }

    record.fields.clear();
    scratch_.clear();
    record.line = line;
    record.column = base_ + p - lineStart + 1;

    if (delimiter_ == ' ') {
        while (p < limit && b[p] != '\n' && b[p] != '\r') {
            if (b[p] == ' ' || b[p] == '\t') {
                ++p;
                continue;
            }
            const std::size_t s = p;
            while (p < limit && b[p] != '\n' && b[p] != '\r' && b[p] != ' ' && b[p] != '\t') ++p;
            StreamField& field = record.fields.emplace_back();
            field.text = {b + s, p - s};
            field.line = line;
            field.column = base_ + s - lineStart + 1;
        }
        skipToLineEnd();
        commit();
        return Scan::Record;
    }

    bool anyQuoted = false;
    while (true) {
        StreamField& field = record.fields.emplace_back();
        field.line = line;
        field.column = base_ + p - lineStart + 1;
        if (p < limit && b[p] == '"') {
            anyQuoted = true;
            field.quoted = true;
            field.scratch = scratch_.size();
            const std::uint64_t openLine = field.line, openColumn = field.column;
            ++p;
            while (true) {
                if (p >= limit) {
                    if (!eof_) return Scan::Incomplete;
                    problemAt(openLine, openColumn, "unterminated quoted field: no closing '\"'");
                    commit();
                    return Scan::Skipped;
                }
                const char c = b[p++];
                if (c != '"') {
                    if (c == '\r' && p < limit && b[p] == '\n') continue;  // CRLF inside quotes reads as LF
                    if (c == '\n') newline(p - 1);
                    scratch_ += c;
                } else if (p < limit && b[p] == '"') {
                    scratch_ += '"';
                    ++p;
                } else {
                    break;
                }
            }
            if (p < limit && b[p] != delimiter_ && b[p] != '\n' && b[p] != '\r') {
                problemAt(line, base_ + p - lineStart + 1,
                          "unexpected text after a closing quote: double a quote inside a quoted field (\"\")");
                skipToLineEnd();
                commit();
                return Scan::Skipped;
            }
            field.text = {nullptr, scratch_.size() - field.scratch};
        } else {
            const std::size_t s = p;
            while (p < limit) {
                const char c = b[p];
                if (c == delimiter_ || c == '\n' || c == '\r') break;
                ++p;
            }
            field.text = {b + s, p - s};
        }
        if (p < limit && b[p] == delimiter_) {
            ++p;
            continue;
        }
        if (p < limit && b[p] == '\r') ++p;
        if (p < limit && b[p] == '\n') {
            newline(p);
            ++p;
        }
        break;
    }
    if (anyQuoted) {
        for (StreamField& field : record.fields) {
            if (field.quoted) field.text = {scratch_.data() + field.scratch, field.text.size()};
        }
    }
    commit();
    return Scan::Record;
}

}  // namespace relgraph::interchange
