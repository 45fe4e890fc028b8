// A Beast body type whose bytes are a shared, immutable string: an answer kept by the
// check memo (check_memo.h) goes to the socket from where it is kept, without a copy,
// and stays alive until the write is done. A body the route built itself is moved in.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

namespace eutl::server::detail {

struct SharedStringBody final {
  // Null for no body.
  using value_type = std::shared_ptr<const std::string>;

  static std::uint64_t size(const value_type& body) noexcept { return body ? body->size() : 0; }

  // Serialises the whole body as one buffer.
  class writer final {
   public:
    using const_buffers_type = boost::asio::const_buffer;

    template <bool IsRequest, class Fields>
    writer(const boost::beast::http::header<IsRequest, Fields>& /*header*/, const value_type& body) noexcept
        : m_body(body) {}

    void init(boost::beast::error_code& ec) noexcept { ec = {}; }

    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) noexcept {
      ec = {};
      if (m_sent || !m_body || m_body->empty()) {
        return boost::none;
      }
      m_sent = true;
      return std::make_pair(const_buffers_type(m_body->data(), m_body->size()), false);
    }

   private:
    const value_type& m_body;
    bool m_sent = false;
  };
};

}  // namespace eutl::server::detail
