#pragma once

// Internal to Mailkeep::Mime: RAII holders and checked casts for GMime/GLib objects. Never
// include this from a public header: GLib types must not leak out of the library.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <gmime/gmime.h>
#include <memory>

namespace Mailkeep::Mime::Detail {

// g_mime_init() exactly once per process, whichever thread gets here first.
void ensureGMimeInitialised();

struct GObjectUnref
{
    void operator()(void *object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template <typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree
{
    void operator()(void *memory) const { g_free(memory); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

struct ParserOptionsFree
{
    void operator()(GMimeParserOptions *options) const { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// Checked downcast; GMime's GMIME_MULTIPART() style macros are C casts that -Wold-style-cast
// rejects, so the type check and the cast live here once.
template <typename To, typename From> To *instanceAs(From *instance, GType type)
{
    if (!instance || !g_type_check_instance_is_a(reinterpret_cast<GTypeInstance *>(instance), type))
        return nullptr;
    return reinterpret_cast<To *>(instance);
}

// Upcast to GMimeObject (always valid for parts, multiparts and messages).
template <typename From> GMimeObject *asObject(From *instance)
{
    return reinterpret_cast<GMimeObject *>(instance);
}

// Null-safe UTF-8 conversions.
QString fromUtf8(const char *text);
QString takeUtf8(char *allocatedText); // g_free()s the argument

// The first header of that name (case-insensitive), unfolded; empty when absent.
QByteArray unfoldedHeader(GMimeHeaderList *headers, const char *name, bool *present = nullptr);
// All headers of that name, unfolded, in order.
QList<QByteArray> unfoldedHeaders(GMimeHeaderList *headers, const char *name);
QByteArray unfold(const char *rawValue);

// RFC 5322 date text to UTC; invalid QDateTime when GMime cannot read it.
QDateTime parseDate(const QByteArray &text);

// Parser options every parse uses: loose compliance, 8-bit fallback charsets tried in order.
// An extra charset (e.g. the body's declared one) is tried right after UTF-8.
ParserOptionsPtr makeParserOptions(const QByteArray &preferredCharset = {});

} // namespace Mailkeep::Mime::Detail
