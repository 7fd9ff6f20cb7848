// SHA-256, for the Content-Security-Policy hashes of the site's inline style and script.
#pragma once

#include <string>
#include <string_view>

namespace specgate::site {

// The digest in base64, as CSP's 'sha256-...' source wants it.
std::string sha256_base64(std::string_view data);

}  // namespace specgate::site
