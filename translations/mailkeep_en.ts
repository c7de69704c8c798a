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
