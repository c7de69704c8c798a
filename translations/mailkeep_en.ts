<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Mailkeep::ClientWidgets::ArchiveBrowserPage</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n message</numerusform><numerusform>%n messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) so far</source>
        <translation><numerusform>%n message so far</numerusform><numerusform>%n messages so far</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s) from the archive for good? The reason is written to the audit log:</source>
        <translation><numerusform>Delete %n message from the archive for good? The reason is written to the audit log:</numerusform><numerusform>Delete %n messages from the archive for good? The reason is written to the audit log:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Move %n message(s) into this folder:</source>
        <translation><numerusform>Move %n message into this folder:</numerusform><numerusform>Move %n messages into this folder:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) stayed where they were: the folder holds them already.</source>
        <translation><numerusform>%n message stayed where it was: the folder holds it already.</numerusform><numerusform>%n messages stayed where they were: the folder holds them already.</numerusform></translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::CredentialsPage</name>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation><numerusform>%n profile</numerusform><numerusform>%n profiles</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n day(s).</source>
        <translation><numerusform>The certificate expires in %n day.</numerusform><numerusform>The certificate expires in %n days.</numerusform></translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::DashboardPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; messages in %n archive store(s): &lt;b&gt;%2&lt;/b&gt; of mail take &lt;b&gt;%3&lt;/b&gt; on disk.</source>
        <translation><numerusform>&lt;b&gt;%1&lt;/b&gt; messages in %n archive store: &lt;b&gt;%2&lt;/b&gt; of mail take &lt;b&gt;%3&lt;/b&gt; on disk.</numerusform><numerusform>&lt;b&gt;%1&lt;/b&gt; messages in %n archive stores: &lt;b&gt;%2&lt;/b&gt; of mail take &lt;b&gt;%3&lt;/b&gt; on disk.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The certificate of the Microsoft 365 credential "%1" expires in %n day(s): create a new certificate and upload it to Entra ID.</source>
        <translation><numerusform>The certificate of the Microsoft 365 credential "%1" expires in %n day: create a new certificate and upload it to Entra ID.</numerusform><numerusform>The certificate of the Microsoft 365 credential "%1" expires in %n days: create a new certificate and upload it to Entra ID.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Microsoft 365 profile(s) still use EWS, which Microsoft switches off in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile conversion tool.</source>
        <translation><numerusform>%n Microsoft 365 profile still uses EWS, which Microsoft switches off in %1 days: convert it to Microsoft Graph with the Microsoft 365 profile conversion tool.</numerusform><numerusform>%n Microsoft 365 profiles still use EWS, which Microsoft switches off in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile conversion tool.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Microsoft 365 profile(s) archive archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so they stop working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).</source>
        <translation><numerusform>%n Microsoft 365 profile archives archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so it stops working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).</numerusform><numerusform>%n Microsoft 365 profiles archive archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so they stop working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).</numerusform></translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::ProfileConversionPage</name>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation><numerusform>about %n minute</numerusform><numerusform>about %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation><numerusform>about %n hour</numerusform><numerusform>about %n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Microsoft switches EWS off on %1, in %n day(s); tenants have been blocking it since 1 October 2026 unless they allowed it again.</source>
        <translation><numerusform>Microsoft switches EWS off on %1, in %n day; tenants have been blocking it since 1 October 2026 unless they allowed it again.</numerusform><numerusform>Microsoft switches EWS off on %1, in %n days; tenants have been blocking it since 1 October 2026 unless they allowed it again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) still use EWS and can be converted: test them, then convert.</source>
        <translation><numerusform>%n profile still uses EWS and can be converted: test it, then convert it.</numerusform><numerusform>%n profiles still use EWS and can be converted: test them, then convert them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) archive archive mailboxes or public folders, which Microsoft Graph cannot reach: they stop working when EWS ends.</source>
        <translation><numerusform>%n profile archives archive mailboxes or public folders, which Microsoft Graph cannot reach: it stops working when EWS ends.</numerusform><numerusform>%n profiles archive archive mailboxes or public folders, which Microsoft Graph cannot reach: they stop working when EWS ends.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) already use Microsoft Graph or IMAP.</source>
        <translation><numerusform>%n profile already uses Microsoft Graph or IMAP.</numerusform><numerusform>%n profiles already use Microsoft Graph or IMAP.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 now uses %2 (%n folder(s) handed over).</source>
        <translation><numerusform>%1 now uses %2 (%n folder handed over).</numerusform><numerusform>%1 now uses %2 (%n folders handed over).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) are not reached by Microsoft Graph.</source>
        <translation><numerusform>%n folder is not reached by Microsoft Graph.</numerusform><numerusform>%n folders are not reached by Microsoft Graph.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) could not be read through both EWS and Microsoft Graph: see the note, fix it and run the report again.</source>
        <translation><numerusform>%n mailbox could not be read through both EWS and Microsoft Graph: see the note, fix it and run the report again.</numerusform><numerusform>%n mailboxes could not be read through both EWS and Microsoft Graph: see the notes, fix them and run the report again.</numerusform></translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::SearchPage</name>
    <message numerus="yes">
        <source>%n message(s) found</source>
        <translation><numerusform>%n message found</numerusform><numerusform>%n messages found</numerusform></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>Export %n message(s) as:</source>
        <translation><numerusform>Export %n message as:</numerusform><numerusform>Export %n messages as:</numerusform></translation>
    </message>
</context>
</TS>
