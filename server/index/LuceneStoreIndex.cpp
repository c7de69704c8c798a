#include "index/LuceneStoreIndex.h"

#include "index/LuceneDocuments.h"
#include "index/LuceneQueries.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <sys/file.h>

#include <FSDirectory.h>
#include <StringUtils.h>
#include <WhitespaceAnalyzer.h>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Lucene;

namespace Mailkeep::Index {

namespace {

const QString kLockFile = u"mailkeep-index.lock"_s;

QString rebuildFolder(const QString &folder)
{
    return folder + u".rebuild"_s;
}

// The OS lock that keeps a second process away from the folder (Lucene++'s write.lock does
// not). Returns the descriptor holding it, or -1.
int lockFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(QDir(folder).filePath(kLockFile)).constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

IndexWriterPtr openWriterIn(const QString &folder, bool create)
{
    DirectoryPtr directory = FSDirectory::open(wide(folder));
    // A lock left by a crash of this very process; the OS lock is what excludes.
    if (IndexWriter::isLocked(directory))
        IndexWriter::unlock(directory);
    create = create || !IndexReader::indexExists(directory);
    IndexWriterPtr writer = newLucene<IndexWriter>(directory, newLucene<WhitespaceAnalyzer>(),
                                                   create, IndexWriter::MaxFieldLengthUNLIMITED);
    writer->setRAMBufferSizeMB(64);
    if (create)
        writer->commit();
    return writer;
}

void addTo(const IndexWriterPtr &writer, const QList<Core::IndexDocument> &documents, bool replace)
{
    for (const Core::IndexDocument &document : documents) {
        if (replace)
            writer->updateDocument(idTerm(document.messageId), luceneDocument(document));
        else
            writer->addDocument(luceneDocument(document));
    }
}

void closeQuietly(const IndexWriterPtr &writer)
{
    try {
        if (writer)
            writer->close();
    } catch (const LuceneException &) {
        // Closing after a failure: nothing more to save.
    }
}

} // namespace

ReaderLease::ReaderLease(IndexReaderPtr reader)
    : m_reader(std::move(reader))
{
    m_reader->incRef();
}

ReaderLease::~ReaderLease()
{
    try {
        m_reader->decRef();
    } catch (const LuceneException &) {
        // Closing a reader of a damaged index: nothing to save.
    }
}

LuceneStoreIndex::LuceneStoreIndex(QString folder)
    : m_folder(std::move(folder))
{}

LuceneStoreIndex::~LuceneStoreIndex()
{
    std::lock_guard lock(m_mutex);
    closeRebuild();
    closeQuietly(m_writer);
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

Result<std::shared_ptr<LuceneStoreIndex>> LuceneStoreIndex::open(const QString &folder)
{
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::Unavailable,
                     u"The index folder %1 cannot be created."_s.arg(folder));
    std::shared_ptr<LuceneStoreIndex> index(new LuceneStoreIndex(folder));
    index->m_lockFd = lockFolder(folder);
    if (index->m_lockFd < 0)
        return Error(ErrorCode::Conflict,
                     u"The index %1 is in use by another process."_s.arg(folder));
    // A rebuild cut short by a crash: the live index is complete, the half-built one goes.
    QDir(rebuildFolder(folder)).removeRecursively();
    std::lock_guard lock(index->m_mutex);
    try {
        index->openWriter();
    } catch (const LuceneException &damaged) {
        // Damaged beyond Lucene's own recovery: keep the files for a look, start anew.
        index->m_writer.reset();
        const QString aside =
            folder + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s);
        QDir files(folder);
        const QStringList entries = files.entryList(QDir::Files);
        QDir().mkpath(aside);
        for (const QString &entry : entries) {
            if (entry != kLockFile)
                QFile::rename(files.filePath(entry), QDir(aside).filePath(entry));
        }
        qWarning("The index %s could not be read (%ls); it was moved to %s and is rebuilt.",
                 qPrintable(folder), damaged.getError().c_str(), qPrintable(aside));
        try {
            index->openWriter();
        } catch (const LuceneException &exception) {
            return indexError(u"The index %1 cannot be opened."_s.arg(folder), exception);
        }
    }
    return index;
}

void LuceneStoreIndex::openWriter()
{
    m_writer = openWriterIn(m_folder, false);
    refreshReader();
}

void LuceneStoreIndex::refreshReader()
{
    IndexReaderPtr fresh = m_writer->getReader();
    if (m_reader)
        m_reader->close(); // a search still reading it holds a lease
    m_reader = fresh;
    m_changed = false;
}

void LuceneStoreIndex::add(const QList<Core::IndexDocument> &documents, bool replace)
{
    std::lock_guard lock(m_mutex);
    addTo(m_writer, documents, replace);
    m_changed = true;
    if (m_rebuildWriter) // the rebuild may have read these messages already: replace
        addTo(m_rebuildWriter, documents, true);
}

void LuceneStoreIndex::remove(const QList<qint64> &messageIds)
{
    std::lock_guard lock(m_mutex);
    for (const qint64 id : messageIds) {
        m_writer->deleteDocuments(idTerm(id));
        if (m_rebuildWriter)
            m_rebuildWriter->deleteDocuments(idTerm(id));
    }
    m_writer->commit();
    m_changed = true;
}

void LuceneStoreIndex::commit()
{
    std::lock_guard lock(m_mutex);
    m_writer->commit();
}

std::unique_ptr<ReaderLease> LuceneStoreIndex::currentReader()
{
    std::lock_guard lock(m_mutex);
    if (m_changed)
        refreshReader();
    return std::make_unique<ReaderLease>(m_reader);
}

Status LuceneStoreIndex::beginRebuild()
{
    std::lock_guard lock(m_mutex);
    if (m_rebuildWriter)
        return Error(ErrorCode::Conflict,
                     u"The index %1 is being rebuilt already."_s.arg(m_folder));
    const QString folder = rebuildFolder(m_folder);
    QDir(folder).removeRecursively();
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::Unavailable,
                     u"The index folder %1 cannot be created."_s.arg(folder));
    m_rebuildLockFd = lockFolder(folder);
    if (m_rebuildLockFd < 0)
        return Error(ErrorCode::Conflict,
                     u"The index %1 is in use by another process."_s.arg(folder));
    try {
        m_rebuildWriter = openWriterIn(folder, true);
    } catch (const LuceneException &exception) {
        closeRebuild();
        return indexError(u"The index %1 cannot be created."_s.arg(folder), exception);
    }
    return {};
}

bool LuceneStoreIndex::rebuilding()
{
    std::lock_guard lock(m_mutex);
    return m_rebuildWriter != nullptr;
}

void LuceneStoreIndex::addToRebuild(const QList<Core::IndexDocument> &documents)
{
    std::lock_guard lock(m_mutex);
    if (m_rebuildWriter)
        addTo(m_rebuildWriter, documents, true);
}

Status LuceneStoreIndex::finishRebuild()
{
    std::lock_guard lock(m_mutex);
    if (!m_rebuildWriter)
        return Error(ErrorCode::Conflict, u"The index %1 is not being rebuilt."_s.arg(m_folder));
    const QString fresh = rebuildFolder(m_folder);
    const QString old =
        m_folder + u".old-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmsszzz"_s);
    try {
        m_rebuildWriter->commit();
        m_rebuildWriter->close();
        m_rebuildWriter.reset();
        // Searches in flight keep reading the old files through their open descriptors.
        m_writer->close();
        m_writer.reset();
    } catch (const LuceneException &exception) {
        closeRebuild();
        if (!m_writer)
            openWriter();
        return indexError(u"The rebuilt index %1 cannot be saved."_s.arg(fresh), exception);
    }
    if (!QDir().rename(m_folder, old) || !QDir().rename(fresh, m_folder)) {
        QDir().rename(old, m_folder);
        closeRebuild();
        openWriter();
        return Error(ErrorCode::Unavailable,
                     u"The rebuilt index %1 cannot take the place of %2."_s.arg(fresh, m_folder));
    }
    ::close(m_lockFd); // the lock of the new folder is held already
    m_lockFd = std::exchange(m_rebuildLockFd, -1);
    openWriter();
    QDir(old).removeRecursively();
    return {};
}

void LuceneStoreIndex::abandonRebuild()
{
    std::lock_guard lock(m_mutex);
    closeRebuild();
}

void LuceneStoreIndex::closeRebuild()
{
    closeQuietly(m_rebuildWriter);
    m_rebuildWriter.reset();
    if (m_rebuildLockFd >= 0) {
        ::close(m_rebuildLockFd);
        m_rebuildLockFd = -1;
        QDir(rebuildFolder(m_folder)).removeRecursively();
    }
}

} // namespace Mailkeep::Index
