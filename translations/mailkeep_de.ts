<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Mailkeep::Api::ApiClient</name>
    <message>
        <source>The server's certificate is not trusted. Its SHA-256 fingerprint is %1; pass it with --pkv3 if that is your server.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Sein SHA-256-Fingerabdruck ist %1; geben Sie ihn mit --pkv3 an, wenn das Ihr Server ist.</translation>
    </message>
    <message>
        <source>The server's certificate (SHA-256 %1) is not the pinned one (%2).</source>
        <translation>Das Zertifikat des Servers (SHA-256 %1) ist nicht das festgelegte (%2).</translation>
    </message>
    <message>
        <source>The server %1:%2 did not answer in time.</source>
        <translation>Der Server %1:%2 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Kennwort ist falsch.</translation>
    </message>
    <message>
        <source>The server %1:%2 cannot be reached: %3</source>
        <translation>Der Server %1:%2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>The server no longer knows this call.</source>
        <translation>Der Server kennt diesen Aufruf nicht mehr.</translation>
    </message>
    <message>
        <source>The server's answer (HTTP %1) is not an API answer.</source>
        <translation>Die Antwort des Servers (HTTP %1) ist keine API-Antwort.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientCore::ConsoleSession</name>
    <message>
        <source>Exporting messages…</source>
        <translation>Nachrichten werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>%1 messages exported; %2 could not be read or written.</source>
        <translation>%1 Nachrichten exportiert; %2 konnten nicht gelesen oder geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientCore::FolderTreeModel</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientCore::MessageTableModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::ArchiveBrowserPage</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n Nachricht</numerusform><numerusform>%n Nachrichten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) so far</source>
        <translation><numerusform>bisher %n Nachricht</numerusform><numerusform>bisher %n Nachrichten</numerusform></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the selected messages as EML files or one MBOX file</source>
        <translation>Die ausgewählten Nachrichten als EML-Dateien oder als eine MBOX-Datei speichern</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Nachrichten löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s) from the archive for good? The reason is written to the audit log:</source>
        <translation><numerusform>%n Nachricht endgültig aus dem Archiv löschen? Der Grund wird im Prüfprotokoll vermerkt:</numerusform><numerusform>%n Nachrichten endgültig aus dem Archiv löschen? Der Grund wird im Prüfprotokoll vermerkt:</numerusform></translation>
    </message>
    <message>
        <source>A reason is needed.</source>
        <translation>Ein Grund ist erforderlich.</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Verschieben nach…</translation>
    </message>
    <message>
        <source>Move the selected messages into another archive folder</source>
        <translation>Die ausgewählten Nachrichten in einen anderen Archivordner verschieben</translation>
    </message>
    <message>
        <source>Move messages</source>
        <translation>Nachrichten verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n message(s) into this folder:</source>
        <translation><numerusform>%n Nachricht in diesen Ordner verschieben:</numerusform><numerusform>%n Nachrichten in diesen Ordner verschieben:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) stayed where they were: the folder holds them already.</source>
        <translation><numerusform>%n Nachricht blieb an ihrem Platz: Der Ordner enthält sie bereits.</numerusform><numerusform>%n Nachrichten blieben an ihrem Platz: Der Ordner enthält sie bereits.</numerusform></translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::CommandPromptPage</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Mailkeep Management Shell - type help for the commands; Up and Down recall earlier commands.</source>
        <translation>Mailkeep Management Shell – help zeigt die Befehle; Pfeil auf und ab holen frühere Befehle zurück.</translation>
    </message>
    <message>
        <source>Command, e.g. GetStores --includeSize=true</source>
        <translation>Befehl, z. B. GetStores --includeSize=true</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::CredentialsPage</name>
    <message>
        <source>Save certificate…</source>
        <translation>Zertifikat speichern…</translation>
    </message>
    <message>
        <source>Test sign-in</source>
        <translation>Anmeldung testen</translation>
    </message>
    <message>
        <source>New certificate…</source>
        <translation>Neues Zertifikat…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Anmeldeinformation</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Certificate thumbprint</source>
        <translation>Zertifikatsfingerabdruck</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>New credential…</source>
        <translation>Neue Anmeldeinformation…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Saves the certificate to upload to the application in Entra ID (Certificates &amp; secrets).</source>
        <translation>Speichert das Zertifikat zum Hochladen in die Anwendung in Entra ID (Zertifikate &amp; Geheimnisse).</translation>
    </message>
    <message>
        <source>Makes a new key pair and certificate; the application signs in again only once the new certificate is uploaded.</source>
        <translation>Erstellt ein neues Schlüsselpaar und Zertifikat; die Anwendung meldet sich erst wieder an, wenn das neue Zertifikat hochgeladen ist.</translation>
    </message>
    <message>
        <source>Microsoft 365 Credentials</source>
        <translation>Microsoft 365-Anmeldeinformationen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The server did not list the credentials.</source>
        <translation>Der Server hat die Anmeldeinformationen nicht aufgelistet.</translation>
    </message>
    <message>
        <source>21Vianet</source>
        <translation>21Vianet</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation><numerusform>%n Profil</numerusform><numerusform>%n Profile</numerusform></translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n day(s).</source>
        <translation><numerusform>Das Zertifikat läuft in %n Tag ab.</numerusform><numerusform>Das Zertifikat läuft in %n Tagen ab.</numerusform></translation>
    </message>
    <message>
        <source>There are no credentials yet. Register an application in Entra ID, then add it here with New credential.</source>
        <translation>Es gibt noch keine Anmeldeinformationen. Registrieren Sie eine Anwendung in Entra ID und fügen Sie sie hier mit „Neue Anmeldeinformation“ hinzu.</translation>
    </message>
    <message>
        <source>New Microsoft 365 credential</source>
        <translation>Neue Microsoft 365-Anmeldeinformation</translation>
    </message>
    <message>
        <source>e.g. the organisation's name</source>
        <translation>z. B. der Name der Organisation</translation>
    </message>
    <message>
        <source>Directory (tenant) ID or a verified domain</source>
        <translation>Verzeichnis-ID (Mandanten-ID) oder eine bestätigte Domäne</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <source>21Vianet (China)</source>
        <translation>21Vianet (China)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <source>The server makes a key pair and a certificate valid for 3750 days; upload the certificate to the application in Entra ID afterwards.</source>
        <translation>Der Server erstellt ein Schlüsselpaar und ein 3750 Tage gültiges Zertifikat; laden Sie das Zertifikat danach in die Anwendung in Entra ID hoch.</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>Neue Anmeldeinformation</translation>
    </message>
    <message>
        <source>Credential "%1" created. Save its certificate and upload it to the application in Entra ID, then test the sign-in.</source>
        <translation>Anmeldeinformation „%1“ erstellt. Speichern Sie ihr Zertifikat, laden Sie es in die Anwendung in Entra ID hoch und testen Sie dann die Anmeldung.</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Zertifikat speichern</translation>
    </message>
    <message>
        <source>Certificate (*.cer);;PEM certificate (*.pem)</source>
        <translation>Zertifikat (*.cer);;PEM-Zertifikat (*.pem)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved to %1. Upload it in Entra ID: App registrations &gt; the application &gt; Certificates &amp; secrets &gt; Certificates.</source>
        <translation>Gespeichert in %1. Laden Sie es in Entra ID hoch: App-Registrierungen &gt; die Anwendung &gt; Zertifikate &amp; Geheimnisse &gt; Zertifikate.</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Exchange Online</source>
        <translation>Exchange Online</translation>
    </message>
    <message>
        <source>%1: not signed in. %2</source>
        <translation>%1: nicht angemeldet. %2</translation>
    </message>
    <message>
        <source>%1: signed in with %2.</source>
        <translation>%1: angemeldet mit %2.</translation>
    </message>
    <message>
        <source>%1: signed in, but without %2.</source>
        <translation>%1: angemeldet, aber ohne %2.</translation>
    </message>
    <message>
        <source>%1 signs in with every permission Mailkeep uses.</source>
        <translation>%1 meldet sich mit jeder Berechtigung an, die Mailkeep verwendet.</translation>
    </message>
    <message>
        <source>%1 does not have everything Mailkeep uses yet:</source>
        <translation>%1 hat noch nicht alles, was Mailkeep verwendet:</translation>
    </message>
    <message>
        <source>New certificate</source>
        <translation>Neues Zertifikat</translation>
    </message>
    <message>
        <source>Make a new certificate for %1? Its profiles cannot sign in until the new certificate is uploaded to Entra ID.</source>
        <translation>Ein neues Zertifikat für %1 erstellen? Seine Profile können sich erst wieder anmelden, wenn das neue Zertifikat in Entra ID hochgeladen ist.</translation>
    </message>
    <message>
        <source>%1 has a new certificate: save it and upload it to Entra ID.</source>
        <translation>%1 hat ein neues Zertifikat: Speichern Sie es und laden Sie es in Entra ID hoch.</translation>
    </message>
    <message>
        <source>Delete credential</source>
        <translation>Anmeldeinformation löschen</translation>
    </message>
    <message>
        <source>Delete the credential %1? Its key is gone for good.</source>
        <translation>Die Anmeldeinformation %1 löschen? Ihr Schlüssel ist dann endgültig verloren.</translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation>%1 wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::DashboardPage</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Dashboard&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Übersicht&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Latest archiving runs (double-click for the report):</source>
        <translation>Letzte Archivierungsläufe (Doppelklick zeigt den Bericht):</translation>
    </message>
    <message>
        <source>No backup of the archive was found. (Hide this warning with store-setprop --name=public.backup.hideNotDetectedWarningMessage --value=true.)</source>
        <translation>Es wurde keine Sicherung des Archivs gefunden. (Diese Warnung blendet store-setprop --name=public.backup.hideNotDetectedWarningMessage --value=true aus.)</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Angemeldet als &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Archive store %1 is %2.</source>
        <translation>Der Archivspeicher %1 ist %2.</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; messages in %n archive store(s): &lt;b&gt;%2&lt;/b&gt; of mail take &lt;b&gt;%3&lt;/b&gt; on disk.</source>
        <translation><numerusform>&lt;b&gt;%1&lt;/b&gt; Nachrichten in %n Archivspeicher: &lt;b&gt;%2&lt;/b&gt; E-Mails belegen &lt;b&gt;%3&lt;/b&gt; auf dem Datenträger.</numerusform><numerusform>&lt;b&gt;%1&lt;/b&gt; Nachrichten in %n Archivspeichern: &lt;b&gt;%2&lt;/b&gt; E-Mails belegen &lt;b&gt;%3&lt;/b&gt; auf dem Datenträger.</numerusform></translation>
    </message>
    <message>
        <source>Storage per store (MB)</source>
        <translation>Speicher je Archivspeicher (MB)</translation>
    </message>
    <message>
        <source>Original mail</source>
        <translation>Ursprüngliche E-Mails</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>Auf dem Datenträger</translation>
    </message>
    <message>
        <source>Messages archived per day, %1 to %2</source>
        <translation>Archivierte Nachrichten pro Tag, %1 bis %2</translation>
    </message>
    <message>
        <source>Archiving report</source>
        <translation>Archivierungsbericht</translation>
    </message>
    <message>
        <source>The report cannot be read.</source>
        <translation>Der Bericht kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The certificate of the Microsoft 365 credential "%1" has expired: create a new certificate and upload it to Entra ID.</source>
        <translation>Das Zertifikat der Microsoft 365-Anmeldeinformation „%1“ ist abgelaufen: Erstellen Sie ein neues Zertifikat und laden Sie es in Entra ID hoch.</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of the Microsoft 365 credential "%1" expires in %n day(s): create a new certificate and upload it to Entra ID.</source>
        <translation><numerusform>Das Zertifikat der Microsoft 365-Anmeldeinformation „%1“ läuft in %n Tag ab: Erstellen Sie ein neues Zertifikat und laden Sie es in Entra ID hoch.</numerusform><numerusform>Das Zertifikat der Microsoft 365-Anmeldeinformation „%1“ läuft in %n Tagen ab: Erstellen Sie ein neues Zertifikat und laden Sie es in Entra ID hoch.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Microsoft 365 profile(s) still use EWS, which Microsoft switches off in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile conversion tool.</source>
        <translation><numerusform>%n Microsoft 365-Profil verwendet noch EWS, das Microsoft in %1 Tagen abschaltet: Stellen Sie es mit dem Microsoft 365-Profilkonvertierungswerkzeug auf Microsoft Graph um.</numerusform><numerusform>%n Microsoft 365-Profile verwenden noch EWS, das Microsoft in %1 Tagen abschaltet: Stellen Sie sie mit dem Microsoft 365-Profilkonvertierungswerkzeug auf Microsoft Graph um.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Microsoft 365 profile(s) archive archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so they stop working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).</source>
        <translation><numerusform>%n Microsoft 365-Profil archiviert Archivpostfächer oder öffentliche Ordner über EWS; Microsoft Graph erreicht sie nicht, daher funktioniert es nicht mehr, wenn EWS endet (in %1 Tagen oder früher, wo der Mandant EWS sperrt).</numerusform><numerusform>%n Microsoft 365-Profile archivieren Archivpostfächer oder öffentliche Ordner über EWS; Microsoft Graph erreicht sie nicht, daher funktionieren sie nicht mehr, wenn EWS endet (in %1 Tagen oder früher, wo der Mandant EWS sperrt).</numerusform></translation>
    </message>
    <message>
        <source>Open the conversion tool</source>
        <translation>Konvertierungstool öffnen</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::MainWindow</name>
    <message>
        <source>Mailkeep - %1 on %2</source>
        <translation>Mailkeep – %1 auf %2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Archive Email</source>
        <translation>E-Mails archivieren</translation>
    </message>
    <message>
        <source>There are no archiving profiles yet.</source>
        <translation>Es gibt noch keine Archivierungsprofile.</translation>
    </message>
    <message>
        <source>Export Email</source>
        <translation>E-Mails exportieren</translation>
    </message>
    <message>
        <source>There are no export profiles yet.</source>
        <translation>Es gibt noch keine Exportprofile.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>My Archive</source>
        <translation>Mein Archiv</translation>
    </message>
    <message>
        <source>Search Email</source>
        <translation>E-Mails suchen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Original bytes</source>
        <translation>Ursprüngliche Bytes</translation>
    </message>
    <message>
        <source>Stored bytes</source>
        <translation>Gespeicherte Bytes</translation>
    </message>
    <message>
        <source>There are no archive stores.</source>
        <translation>Es gibt keine Archivspeicher.</translation>
    </message>
    <message>
        <source>Administrative Tools</source>
        <translation>Administrative Werkzeuge</translation>
    </message>
    <message>
        <source>Command Prompt</source>
        <translation>Eingabeaufforderung</translation>
    </message>
    <message>
        <source>Connected to %1 (%2)</source>
        <translation>Verbunden mit %1 (%2)</translation>
    </message>
    <message>
        <source>The connection to the server is lost (%1). Trying again every few seconds…</source>
        <translation>Die Verbindung zum Server ist unterbrochen (%1). Neuer Versuch alle paar Sekunden…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when the console is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Mailkeep</source>
        <translation>&amp;Über Mailkeep</translation>
    </message>
    <message>
        <source>About Mailkeep</source>
        <translation>Über Mailkeep</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mailkeep %1&lt;/h3&gt;&lt;p&gt;Email archiving for Linux.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mailkeep %1&lt;/h3&gt;&lt;p&gt;E-Mail-Archivierung für Linux.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The server no longer accepts the password of %1. Password:</source>
        <translation>Der Server nimmt das Kennwort von %1 nicht mehr an. Kennwort:</translation>
    </message>
    <message>
        <source>Verify stores</source>
        <translation>Archivspeicher prüfen</translation>
    </message>
    <message>
        <source>Refresh statistics</source>
        <translation>Statistik aktualisieren</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Last run ended</source>
        <translation>Letzter Lauf beendet</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Archive Stores</source>
        <translation>Archivspeicher</translation>
    </message>
    <message>
        <source>Microsoft 365 Profile Conversion</source>
        <translation>Microsoft 365-Profilkonvertierung</translation>
    </message>
    <message>
        <source>Microsoft 365 Credentials</source>
        <translation>Microsoft 365-Anmeldeinformationen</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::MessagePreview</name>
    <message>
        <source>Show source</source>
        <translation>Quelltext anzeigen</translation>
    </message>
    <message>
        <source>Message source</source>
        <translation>Quelltext der Nachricht</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a message to read it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Nachricht, um sie zu lesen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Loading…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wird geladen…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The message cannot be shown: %1</source>
        <translation>Die Nachricht kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Archived with defects: %1</source>
        <translation>Mit Mängeln archiviert: %1</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>Double-click to open; right-click to save</source>
        <translation>Doppelklick öffnet; Rechtsklick speichert</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>anhang</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::ProfileConversionPage</name>
    <message>
        <source>about a minute</source>
        <translation>etwa eine Minute</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation><numerusform>etwa %n Minute</numerusform><numerusform>etwa %n Minuten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation><numerusform>etwa %n Stunde</numerusform><numerusform>etwa %n Stunden</numerusform></translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>nicht gesehen</translation>
    </message>
    <message>
        <source>Test conversion</source>
        <translation>Konvertierung testen</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>Konvertieren…</translation>
    </message>
    <message>
        <source>Pre-flight report</source>
        <translation>Vorabbericht</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>When EWS ends</source>
        <translation>Wenn EWS endet</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wird zu</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Builds the converted profile and tests it without saving anything.</source>
        <translation>Erstellt das konvertierte Profil und testet es, ohne etwas zu speichern.</translation>
    </message>
    <message>
        <source>Tests the conversion and, once every check has passed and you confirm, saves the profile with its new protocol.</source>
        <translation>Testet die Konvertierung und speichert das Profil mit seinem neuen Protokoll, sobald jede Prüfung bestanden ist und Sie bestätigen.</translation>
    </message>
    <message>
        <source>Lists the folders and item counts as EWS and Microsoft Graph see them, and estimates how long the first Graph run takes.</source>
        <translation>Listet die Ordner und Elementzahlen auf, wie EWS und Microsoft Graph sie sehen, und schätzt, wie lange der erste Graph-Lauf dauert.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Microsoft 365 Profile Conversion Tool</source>
        <translation>Microsoft 365-Profilkonvertierungstool</translation>
    </message>
    <message>
        <source>This server has no conversion tool.</source>
        <translation>Dieser Server hat kein Konvertierungstool.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Microsoft switches EWS off on %1, in %n day(s); tenants have been blocking it since 1 October 2026 unless they allowed it again.</source>
        <translation><numerusform>Microsoft schaltet EWS am %1 ab, in %n Tag; Mandanten sperren es seit dem 1. Oktober 2026, sofern sie es nicht wieder erlaubt haben.</numerusform><numerusform>Microsoft schaltet EWS am %1 ab, in %n Tagen; Mandanten sperren es seit dem 1. Oktober 2026, sofern sie es nicht wieder erlaubt haben.</numerusform></translation>
    </message>
    <message>
        <source>There are no Microsoft 365 profiles: nothing to convert.</source>
        <translation>Es gibt keine Microsoft 365-Profile: Es ist nichts zu konvertieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) still use EWS and can be converted: test them, then convert.</source>
        <translation><numerusform>%n Profil verwendet noch EWS und kann konvertiert werden: Testen Sie es, dann konvertieren Sie es.</numerusform><numerusform>%n Profile verwenden noch EWS und können konvertiert werden: Testen Sie sie, dann konvertieren Sie sie.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) archive archive mailboxes or public folders, which Microsoft Graph cannot reach: they stop working when EWS ends.</source>
        <translation><numerusform>%n Profil archiviert Archivpostfächer oder öffentliche Ordner, die Microsoft Graph nicht erreicht: Es funktioniert nicht mehr, wenn EWS endet.</numerusform><numerusform>%n Profile archivieren Archivpostfächer oder öffentliche Ordner, die Microsoft Graph nicht erreicht: Sie funktionieren nicht mehr, wenn EWS endet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) already use Microsoft Graph or IMAP.</source>
        <translation><numerusform>%n Profil verwendet bereits Microsoft Graph oder IMAP.</numerusform><numerusform>%n Profile verwenden bereits Microsoft Graph oder IMAP.</numerusform></translation>
    </message>
    <message>
        <source>Converted automatically</source>
        <translation>Wird automatisch konvertiert</translation>
    </message>
    <message>
        <source>Stops working</source>
        <translation>Funktioniert nicht mehr</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Nicht nötig</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Archiving</source>
        <translation>Archivierung</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>Was festgestellt wurde</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Every check passed: %1 can be converted to %2. Nothing was saved.</source>
        <translation>Jede Prüfung ist bestanden: %1 kann zu %2 konvertiert werden. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Not every check passed: fix what is listed below, then test again. Nothing was saved.</source>
        <translation>Nicht jede Prüfung ist bestanden: Beheben Sie, was unten aufgeführt ist, und testen Sie erneut. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>Konvertieren</translation>
    </message>
    <message>
        <source>%1 was not converted: fix the failed checks below first.</source>
        <translation>%1 wurde nicht konvertiert: Beheben Sie zuerst die fehlgeschlagenen Prüfungen unten.</translation>
    </message>
    <message>
        <source>Convert profile</source>
        <translation>Profil konvertieren</translation>
    </message>
    <message>
        <source>Every check passed. Convert %1 to %2?

The profile keeps its name, owner, schedule, target, folders, filters and deletion rules, and its next run goes on where EWS left off, without archiving anything twice.</source>
        <translation>Jede Prüfung ist bestanden. %1 zu %2 konvertieren?

Das Profil behält Name, Besitzer, Zeitplan, Ziel, Ordner, Filter und Löschregeln, und sein nächster Lauf macht dort weiter, wo EWS aufgehört hat, ohne etwas doppelt zu archivieren.</translation>
    </message>
    <message>
        <source>%1 was not converted.</source>
        <translation>%1 wurde nicht konvertiert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now uses %2 (%n folder(s) handed over).</source>
        <translation><numerusform>%1 verwendet jetzt %2 (%n Ordner übergeben).</numerusform><numerusform>%1 verwendet jetzt %2 (%n Ordner übergeben).</numerusform></translation>
    </message>
    <message>
        <source>Mailbox and folders</source>
        <translation>Postfach und Ordner</translation>
    </message>
    <message>
        <source>Items via EWS</source>
        <translation>Elemente über EWS</translation>
    </message>
    <message>
        <source>Items via Graph</source>
        <translation>Elemente über Graph</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>First Graph run: %1</source>
        <translation>Erster Graph-Lauf: %1</translation>
    </message>
    <message>
        <source>Microsoft Graph does not reach this folder: its mail is not archived after the conversion.</source>
        <translation>Microsoft Graph erreicht diesen Ordner nicht: Seine E-Mails werden nach der Konvertierung nicht archiviert.</translation>
    </message>
    <message>
        <source>The first Graph run of %1 takes %2.</source>
        <translation>Der erste Graph-Lauf von %1 dauert %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) are not reached by Microsoft Graph.</source>
        <translation><numerusform>%n Ordner wird von Microsoft Graph nicht erreicht.</numerusform><numerusform>%n Ordner werden von Microsoft Graph nicht erreicht.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) could not be read through both EWS and Microsoft Graph: see the note, fix it and run the report again.</source>
        <translation><numerusform>%n Postfach konnte nicht über EWS und Microsoft Graph gelesen werden: Lesen Sie den Hinweis, beheben Sie die Ursache und erstellen Sie den Bericht erneut.</numerusform><numerusform>%n Postfächer konnten nicht über EWS und Microsoft Graph gelesen werden: Lesen Sie die Hinweise, beheben Sie die Ursache und erstellen Sie den Bericht erneut.</numerusform></translation>
    </message>
    <message>
        <source>The server did not list the profiles.</source>
        <translation>Der Server hat die Profile nicht aufgelistet.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::SearchPage</name>
    <message>
        <source>Date from</source>
        <translation>Datum von</translation>
    </message>
    <message>
        <source>With attachments only</source>
        <translation>Nur mit Anhängen</translation>
    </message>
    <message>
        <source>Words, "a phrase", from:name, subject:word, -excluded, word*, date:2026-01-01..2026-03-31</source>
        <translation>Wörter, "eine Wortfolge", from:name, subject:wort, -ausgeschlossen, wort*, date:2026-01-01..2026-03-31</translation>
    </message>
    <message>
        <source>every archive I may read</source>
        <translation>jedes Archiv, das ich lesen darf</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation>Suche speichern…</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>Ergebnisse exportieren…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found</source>
        <translation><numerusform>%n Nachricht gefunden</numerusform><numerusform>%n Nachrichten gefunden</numerusform></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::ServerListPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::ClientWidgets::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to Mailkeep</source>
        <translation>Bei Mailkeep anmelden</translation>
    </message>
    <message>
        <source>The Mailkeep server: host name, or host:port (default port 8463)</source>
        <translation>Der Mailkeep-Server: Hostname oder Host:Port (Vorgabe Port 8463)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Mailkeep&lt;/h2&gt;Sign in with your Mailkeep user name.</source>
        <translation>&lt;h2&gt;Mailkeep&lt;/h2&gt;Melden Sie sich mit Ihrem Mailkeep-Benutzernamen an.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The certificate of %1 is not the one trusted before.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Trusted: &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Presented now: &lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Someone may be intercepting the connection. If the server's certificate was replaced on purpose, ask its administrator for the new fingerprint.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Das Zertifikat von %1 ist nicht das bisher vertraute.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Vertraut: &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Jetzt vorgelegt: &lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Möglicherweise fängt jemand die Verbindung ab. Wurde das Zertifikat des Servers absichtlich ersetzt, fragen Sie seinen Administrator nach dem neuen Fingerabdruck.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>&lt;p&gt;The server %1 presented a certificate that is not signed by an authority this computer trusts.&lt;/p&gt;&lt;p&gt;Subject: %2&lt;br&gt;SHA-256 fingerprint:&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Compare the fingerprint with the one the server's administrator gave you. Trust it from now on?&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Server %1 hat ein Zertifikat vorgelegt, das von keiner Stelle signiert ist, der dieser Computer vertraut.&lt;/p&gt;&lt;p&gt;Inhaber: %2&lt;br&gt;SHA-256-Fingerabdruck:&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Vergleichen Sie den Fingerabdruck mit dem, den Ihnen der Administrator des Servers gegeben hat. Ab jetzt vertrauen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Not signed in: the server's certificate is not trusted.</source>
        <translation>Nicht angemeldet: Dem Zertifikat des Servers wird nicht vertraut.</translation>
    </message>
    <message>
        <source>The server refused the sign-in.</source>
        <translation>Der Server hat die Anmeldung abgelehnt.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::Cmd::Session</name>
    <message>
        <source>Password for %1@%2: </source>
        <translation>Kennwort für %1@%2: </translation>
    </message>
    <message>
        <source>No password: give --p, set MAILKEEP_PASSWORD, or store it in %1.</source>
        <translation>Kein Kennwort: Geben Sie --p an, setzen Sie MAILKEEP_PASSWORD oder hinterlegen Sie es in %1.</translation>
    </message>
    <message>
        <source>No user name: give --u=&lt;user&gt; (or --cred=&lt;user&gt;@&lt;server&gt;).</source>
        <translation>Kein Benutzername: Geben Sie --u=&lt;Benutzer&gt; an (oder --cred=&lt;Benutzer&gt;@&lt;Server&gt;).</translation>
    </message>
    <message>
        <source>Mailkeep Management Shell %1
Connected to %2 as %3.</source>
        <translation>Mailkeep Management Shell %1
Verbunden mit %2 als %3.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::Shell::ClientCommands</name>
    <message>
        <source>%1 does not take the argument %2.</source>
        <translation>%1 kennt das Argument %2 nicht.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Unbekannter Befehl %1.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Shell commands:</source>
        <translation>Befehle der Shell:</translation>
    </message>
    <message>
        <source>Server functions (help --command=&lt;name&gt; shows the arguments):</source>
        <translation>Funktionen des Servers (help --command=&lt;Name&gt; zeigt die Argumente):</translation>
    </message>
    <message>
        <source>Arguments are written --name=value; quote values with spaces: --subject="Quarterly report". JSON arguments take a JSON text.</source>
        <translation>Argumente werden als --name=wert geschrieben; Werte mit Leerzeichen in Anführungszeichen: --subject="Quartalsbericht". JSON-Argumente nehmen einen JSON-Text.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>There are no archiving profiles.</source>
        <translation>Es gibt keine Archivierungsprofile.</translation>
    </message>
    <message>
        <source>There are no export profiles.</source>
        <translation>Es gibt keine Exportprofile.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>%1 needs either --name or --id of the profile.</source>
        <translation>%1 braucht entweder --name oder --id des Profils.</translation>
    </message>
    <message>
        <source>There is no profile %1.</source>
        <translation>Es gibt kein Profil %1.</translation>
    </message>
    <message>
        <source>This server does not take profile properties for one run.</source>
        <translation>Dieser Server nimmt keine Profileigenschaften für einen einzelnen Lauf an.</translation>
    </message>
    <message>
        <source>Unknown global property "%1". Known: %2</source>
        <translation>Unbekannte globale Eigenschaft „%1“. Bekannt sind: %2</translation>
    </message>
    <message>
        <source>--value is true or false.</source>
        <translation>--value ist true oder false.</translation>
    </message>
    <message>
        <source>help [--command=&lt;name&gt;]
Lists the commands, or the arguments of one.</source>
        <translation>help [--command=&lt;Name&gt;]
Listet die Befehle auf oder die Argumente eines Befehls.</translation>
    </message>
    <message>
        <source>clear
Clears the screen.</source>
        <translation>clear
Leert den Bildschirm.</translation>
    </message>
    <message>
        <source>user-list
Lists the users.</source>
        <translation>user-list
Listet die Benutzer auf.</translation>
    </message>
    <message>
        <source>import-list [--user=&lt;user&gt;]
Lists the archiving profiles (of one user's archive).</source>
        <translation>import-list [--user=&lt;Benutzer&gt;]
Listet die Archivierungsprofile auf (eines Benutzerarchivs).</translation>
    </message>
    <message>
        <source>import-execute --name=&lt;profile&gt;|--id=&lt;id&gt; [--verbose] [--user=&lt;user&gt;] [--&lt;property&gt;=&lt;value&gt; ...]
Runs an archiving profile; --verbose shows its progress, --&lt;property&gt; overrides a profile property for this run.</source>
        <translation>import-execute --name=&lt;Profil&gt;|--id=&lt;ID&gt; [--verbose] [--user=&lt;Benutzer&gt;] [--&lt;Eigenschaft&gt;=&lt;Wert&gt; ...]
Führt ein Archivierungsprofil aus; --verbose zeigt den Fortschritt, --&lt;Eigenschaft&gt; überschreibt eine Profileigenschaft für diesen Lauf.</translation>
    </message>
    <message>
        <source>export-list
Lists the export profiles.</source>
        <translation>export-list
Listet die Exportprofile auf.</translation>
    </message>
    <message>
        <source>export-execute --name=&lt;profile&gt;|--id=&lt;id&gt; [--verbose] [--&lt;property&gt;=&lt;value&gt; ...]
Runs an export profile.</source>
        <translation>export-execute --name=&lt;Profil&gt;|--id=&lt;ID&gt; [--verbose] [--&lt;Eigenschaft&gt;=&lt;Wert&gt; ...]
Führt ein Exportprofil aus.</translation>
    </message>
    <message>
        <source>store-setprop --name=&lt;property&gt; [--value=true|false]
Shows or changes a global property of the server.</source>
        <translation>store-setprop --name=&lt;Eigenschaft&gt; [--value=true|false]
Zeigt oder ändert eine globale Eigenschaft des Servers.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::Shell::CommandWords</name>
    <message>
        <source>A quote (%1) is not closed.</source>
        <translation>Ein Anführungszeichen (%1) ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>A command comes first, then its arguments: %1 is not a command.</source>
        <translation>Zuerst kommt der Befehl, dann seine Argumente: %1 ist kein Befehl.</translation>
    </message>
    <message>
        <source>%1 is not an argument; arguments are written --name=value.</source>
        <translation>%1 ist kein Argument; Argumente werden als --name=wert geschrieben.</translation>
    </message>
    <message>
        <source>The argument %1 is given twice.</source>
        <translation>Das Argument %1 ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::Shell::Credentials</name>
    <message>
        <source>There is no credentials file %1.</source>
        <translation>Es gibt keine Anmeldedatei %1.</translation>
    </message>
    <message>
        <source>The credentials file %1 may be read by other users; it is not used until only its owner can read it (chmod 600).</source>
        <translation>Die Anmeldedatei %1 ist für andere Benutzer lesbar; sie wird erst verwendet, wenn nur ihr Besitzer sie lesen kann (chmod 600).</translation>
    </message>
    <message>
        <source>The credentials file %1 cannot be read.</source>
        <translation>Die Anmeldedatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The credentials file %1 has no password for %2.</source>
        <translation>Die Anmeldedatei %1 enthält kein Kennwort für %2.</translation>
    </message>
</context>
<context>
    <name>Mailkeep::Shell::Interpreter</name>
    <message>
        <source>The server refused the logon.</source>
        <translation>Der Server hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Interrupted: the server stopped %1.</source>
        <translation>Abgebrochen: Der Server hat %1 beendet.</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Unknown command %1. Type help for the commands.</source>
        <translation>Unbekannter Befehl %1. Geben Sie help ein, um die Befehle zu sehen.</translation>
    </message>
    <message>
        <source>Unknown command %1. Did you mean %2?</source>
        <translation>Unbekannter Befehl %1. Meinten Sie %2?</translation>
    </message>
</context>
<context>
    <name>Mailkeep::Shell::ShellOptions</name>
    <message>
        <source>%1 is not a server address.</source>
        <translation>%1 ist keine Serveradresse.</translation>
    </message>
    <message>
        <source>No server name is given.</source>
        <translation>Es ist kein Servername angegeben.</translation>
    </message>
    <message>
        <source>%1 is not a port number.</source>
        <translation>%1 ist keine Portnummer.</translation>
    </message>
    <message>
        <source>-c needs a command after it.</source>
        <translation>Nach -c muss ein Befehl folgen.</translation>
    </message>
    <message>
        <source>%1 needs a value: %1=&lt;value&gt;.</source>
        <translation>%1 braucht einen Wert: %1=&lt;Wert&gt;.</translation>
    </message>
    <message>
        <source>--p needs a value: --p=&lt;value&gt;.</source>
        <translation>--p braucht einen Wert: --p=&lt;Wert&gt;.</translation>
    </message>
    <message>
        <source>Unknown option %1. -c must be the last option, followed by the command; --help lists the options.</source>
        <translation>Unbekannte Option %1. -c muss die letzte Option sein, gefolgt vom Befehl; --help listet die Optionen auf.</translation>
    </message>
    <message>
        <source>Usage: mailkeep-cmd [options] [-c &lt;command&gt; [--argument=value ...]]

  --h=&lt;server[:port]&gt;   the Mailkeep server (default localhost:8463)
  --u=&lt;user&gt;            the user name
  --p=&lt;password&gt;        the password; else $MAILKEEP_PASSWORD, else the
                        credentials file
  --cred=&lt;user&gt;@&lt;server&gt; the password stored for this user and server in the
                        credentials file (~/.config/mailkeep/credentials, mode 0600)
  --pkv3=&lt;fingerprint&gt;  the SHA-256 fingerprint of the server certificate to accept
  --nologo              no logo
  --o=&lt;file&gt;            everything to this file instead of the console;
                        {DATE} and {TIME} are replaced
  -c &lt;command&gt; ...      run one command and exit (must be the last option)

Without -c the shell is interactive; type help there for the commands.
Exit codes: 0 success, 1 command failed, 2 bad arguments, 3 unknown command,
4 connection failed, 5 certificate refused, 6 authentication failed,
7 unexpected answer, 130 interrupted.</source>
        <translation>Aufruf: mailkeep-cmd [Optionen] [-c &lt;Befehl&gt; [--argument=wert ...]]

  --h=&lt;Server[:Port]&gt;   der Mailkeep-Server (Vorgabe localhost:8463)
  --u=&lt;Benutzer&gt;        der Benutzername
  --p=&lt;Kennwort&gt;        das Kennwort; sonst $MAILKEEP_PASSWORD, sonst die
                        Anmeldedatei
  --cred=&lt;Benutzer&gt;@&lt;Server&gt; das für diesen Benutzer und Server in der Anmeldedatei
                        hinterlegte Kennwort (~/.config/mailkeep/credentials, Modus 0600)
  --pkv3=&lt;Fingerabdruck&gt; der SHA-256-Fingerabdruck des zu akzeptierenden Serverzertifikats
  --nologo              kein Logo
  --o=&lt;Datei&gt;           alles in diese Datei statt auf die Konsole;
                        {DATE} und {TIME} werden ersetzt
  -c &lt;Befehl&gt; ...       einen Befehl ausführen und beenden (muss die letzte Option sein)

Ohne -c ist die Shell interaktiv; dort zeigt help die Befehle.
Exit-Codes: 0 Erfolg, 1 Befehl fehlgeschlagen, 2 falsche Argumente, 3 unbekannter Befehl,
4 Verbindung fehlgeschlagen, 5 Zertifikat abgelehnt, 6 Anmeldung fehlgeschlagen,
7 unerwartete Antwort, 130 abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ProfileTypes</name>
    <message>
        <source>EML files in a folder</source>
        <translation>EML-Dateien in einem Ordner</translation>
    </message>
    <message>
        <source>MBOX file</source>
        <translation>MBOX-Datei</translation>
    </message>
    <message>
        <source>Bulk import (a folder per user)</source>
        <translation>Massenimport (ein Ordner pro Benutzer)</translation>
    </message>
    <message>
        <source>IMAP mailbox</source>
        <translation>IMAP-Postfach</translation>
    </message>
    <message>
        <source>IMAP, several mailboxes</source>
        <translation>IMAP, mehrere Postfächer</translation>
    </message>
    <message>
        <source>IMAP journal mailbox</source>
        <translation>IMAP-Journalpostfach</translation>
    </message>
    <message>
        <source>Microsoft 365 mailbox</source>
        <translation>Microsoft 365-Postfach</translation>
    </message>
    <message>
        <source>Microsoft 365, several mailboxes</source>
        <translation>Microsoft 365, mehrere Postfächer</translation>
    </message>
    <message>
        <source>Microsoft 365 mailbox (EWS)</source>
        <translation>Microsoft 365-Postfach (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365, several mailboxes (EWS)</source>
        <translation>Microsoft 365, mehrere Postfächer (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365 archive mailbox (EWS)</source>
        <translation>Microsoft 365-Archivpostfach (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365, several archive mailboxes (EWS)</source>
        <translation>Microsoft 365, mehrere Archivpostfächer (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365 public folders (EWS)</source>
        <translation>Öffentliche Ordner in Microsoft 365 (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365 mailbox (IMAP)</source>
        <translation>Microsoft 365-Postfach (IMAP)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Export %n message(s) as:</source>
        <translation><numerusform>%n Nachricht exportieren als:</numerusform><numerusform>%n Nachrichten exportieren als:</numerusform></translation>
    </message>
    <message>
        <source>EML files…</source>
        <translation>EML-Dateien…</translation>
    </message>
    <message>
        <source>One MBOX file…</source>
        <translation>Eine MBOX-Datei…</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Export to MBOX file</source>
        <translation>In eine MBOX-Datei exportieren</translation>
    </message>
    <message>
        <source>MBOX files (*.mbox)</source>
        <translation>MBOX-Dateien (*.mbox)</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>%1: stopped.</source>
        <translation>%1: angehalten.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The output file %1 cannot be written: %2</source>
        <translation>Die Ausgabedatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The Mailkeep console.</source>
        <translation>Die Mailkeep-Konsole.</translation>
    </message>
    <message>
        <source>The server to sign in to.</source>
        <translation>Der Server, bei dem angemeldet wird.</translation>
    </message>
    <message>
        <source>The user name.</source>
        <translation>Der Benutzername.</translation>
    </message>
</context>
</TS>
