#!/usr/bin/env python3
# Fills translations/mailkeep_de.ts from the German texts below (run after lupdate).
import sys
import xml.etree.ElementTree as ET

from ts_tools import set_translation, write_ts

GERMAN = {
"The server's certificate is not trusted. Its SHA-256 fingerprint is %1; pass it with --pkv3 if that is your server.":
 "Dem Zertifikat des Servers wird nicht vertraut. Sein SHA-256-Fingerabdruck ist %1; geben Sie ihn mit --pkv3 an, wenn das Ihr Server ist.",
"The server's certificate (SHA-256 %1) is not the pinned one (%2).":
 "Das Zertifikat des Servers (SHA-256 %1) ist nicht das festgelegte (%2).",
"The server %1:%2 did not answer in time.": "Der Server %1:%2 hat nicht rechtzeitig geantwortet.",
"The user name or password is wrong.": "Benutzername oder Kennwort ist falsch.",
"The server %1:%2 cannot be reached: %3": "Der Server %1:%2 ist nicht erreichbar: %3",
"The server no longer knows this call.": "Der Server kennt diesen Aufruf nicht mehr.",
"The server's answer (HTTP %1) is not an API answer.": "Die Antwort des Servers (HTTP %1) ist keine API-Antwort.",
"Password for %1@%2: ": "Kennwort für %1@%2: ",
"No password: give --p, set MAILKEEP_PASSWORD, or store it in %1.":
 "Kein Kennwort: Geben Sie --p an, setzen Sie MAILKEEP_PASSWORD oder hinterlegen Sie es in %1.",
"No user name: give --u=<user> (or --cred=<user>@<server>).":
 "Kein Benutzername: Geben Sie --u=<Benutzer> an (oder --cred=<Benutzer>@<Server>).",
"Mailkeep Management Shell %1\nConnected to %2 as %3.": "Mailkeep Management Shell %1\nVerbunden mit %2 als %3.",
"%1 does not take the argument %2.": "%1 kennt das Argument %2 nicht.",
"Unknown command %1.": "Unbekannter Befehl %1.",
"optional": "optional",
"required": "erforderlich",
"Shell commands:": "Befehle der Shell:",
"Server functions (help --command=<name> shows the arguments):":
 "Funktionen des Servers (help --command=<Name> zeigt die Argumente):",
"Arguments are written --name=value; quote values with spaces: --subject=\"Quarterly report\". JSON arguments take a JSON text.":
 "Argumente werden als --name=wert geschrieben; Werte mit Leerzeichen in Anführungszeichen: --subject=\"Quartalsbericht\". JSON-Argumente nehmen einen JSON-Text.",
"User name": "Benutzername",
"Full name": "Vollständiger Name",
"There are no archiving profiles.": "Es gibt keine Archivierungsprofile.",
"There are no export profiles.": "Es gibt keine Exportprofile.",
"ID": "ID",
"Name": "Name",
"User": "Benutzer",
"%1 needs either --name or --id of the profile.": "%1 braucht entweder --name oder --id des Profils.",
"There is no profile %1.": "Es gibt kein Profil %1.",
"This server does not take profile properties for one run.":
 "Dieser Server nimmt keine Profileigenschaften für einen einzelnen Lauf an.",
"Unknown global property \"%1\". Known: %2": "Unbekannte globale Eigenschaft „%1“. Bekannt sind: %2",
"--value is true or false.": "--value ist true oder false.",
"help [--command=<name>]\nLists the commands, or the arguments of one.":
 "help [--command=<Name>]\nListet die Befehle auf oder die Argumente eines Befehls.",
"clear\nClears the screen.": "clear\nLeert den Bildschirm.",
"user-list\nLists the users.": "user-list\nListet die Benutzer auf.",
"import-list [--user=<user>]\nLists the archiving profiles (of one user's archive).":
 "import-list [--user=<Benutzer>]\nListet die Archivierungsprofile auf (eines Benutzerarchivs).",
"import-execute --name=<profile>|--id=<id> [--verbose] [--user=<user>] [--<property>=<value> ...]\nRuns an archiving profile; --verbose shows its progress, --<property> overrides a profile property for this run.":
 "import-execute --name=<Profil>|--id=<ID> [--verbose] [--user=<Benutzer>] [--<Eigenschaft>=<Wert> ...]\nFührt ein Archivierungsprofil aus; --verbose zeigt den Fortschritt, --<Eigenschaft> überschreibt eine Profileigenschaft für diesen Lauf.",
"export-list\nLists the export profiles.": "export-list\nListet die Exportprofile auf.",
"export-execute --name=<profile>|--id=<id> [--verbose] [--<property>=<value> ...]\nRuns an export profile.":
 "export-execute --name=<Profil>|--id=<ID> [--verbose] [--<Eigenschaft>=<Wert> ...]\nFührt ein Exportprofil aus.",
"store-setprop --name=<property> [--value=true|false]\nShows or changes a global property of the server.":
 "store-setprop --name=<Eigenschaft> [--value=true|false]\nZeigt oder ändert eine globale Eigenschaft des Servers.",
"A quote (%1) is not closed.": "Ein Anführungszeichen (%1) ist nicht geschlossen.",
"No command given.": "Kein Befehl angegeben.",
"A command comes first, then its arguments: %1 is not a command.":
 "Zuerst kommt der Befehl, dann seine Argumente: %1 ist kein Befehl.",
"%1 is not an argument; arguments are written --name=value.":
 "%1 ist kein Argument; Argumente werden als --name=wert geschrieben.",
"The argument %1 is given twice.": "Das Argument %1 ist doppelt angegeben.",
"There is no credentials file %1.": "Es gibt keine Anmeldedatei %1.",
"The credentials file %1 may be read by other users; it is not used until only its owner can read it (chmod 600).":
 "Die Anmeldedatei %1 ist für andere Benutzer lesbar; sie wird erst verwendet, wenn nur ihr Besitzer sie lesen kann (chmod 600).",
"The credentials file %1 cannot be read.": "Die Anmeldedatei %1 kann nicht gelesen werden.",
"The credentials file %1 has no password for %2.": "Die Anmeldedatei %1 enthält kein Kennwort für %2.",
"The server refused the logon.": "Der Server hat die Anmeldung abgelehnt.",
"%1, version %2": "%1, Version %2",
"running": "läuft",
"Interrupted: the server stopped %1.": "Abgebrochen: Der Server hat %1 beendet.",
"%1 was cancelled.": "%1 wurde abgebrochen.",
"%1 failed.": "%1 ist fehlgeschlagen.",
"Unknown command %1. Type help for the commands.": "Unbekannter Befehl %1. Geben Sie help ein, um die Befehle zu sehen.",
"Unknown command %1. Did you mean %2?": "Unbekannter Befehl %1. Meinten Sie %2?",
"%1 is not a server address.": "%1 ist keine Serveradresse.",
"No server name is given.": "Es ist kein Servername angegeben.",
"%1 is not a port number.": "%1 ist keine Portnummer.",
"-c needs a command after it.": "Nach -c muss ein Befehl folgen.",
"%1 needs a value: %1=<value>.": "%1 braucht einen Wert: %1=<Wert>.",
"--p needs a value: --p=<value>.": "--p braucht einen Wert: --p=<Wert>.",
"Unknown option %1. -c must be the last option, followed by the command; --help lists the options.":
 "Unbekannte Option %1. -c muss die letzte Option sein, gefolgt vom Befehl; --help listet die Optionen auf.",
"The output file %1 cannot be written: %2": "Die Ausgabedatei %1 kann nicht geschrieben werden: %2",
"Usage: mailkeep-cmd [options] [-c <command> [--argument=value ...]]\n\n  --h=<server[:port]>   the Mailkeep server (default localhost:8463)\n  --u=<user>            the user name\n  --p=<password>        the password; else $MAILKEEP_PASSWORD, else the\n                        credentials file\n  --cred=<user>@<server> the password stored for this user and server in the\n                        credentials file (~/.config/mailkeep/credentials, mode 0600)\n  --pkv3=<fingerprint>  the SHA-256 fingerprint of the server certificate to accept\n  --nologo              no logo\n  --o=<file>            everything to this file instead of the console;\n                        {DATE} and {TIME} are replaced\n  -c <command> ...      run one command and exit (must be the last option)\n\nWithout -c the shell is interactive; type help there for the commands.\nExit codes: 0 success, 1 command failed, 2 bad arguments, 3 unknown command,\n4 connection failed, 5 certificate refused, 6 authentication failed,\n7 unexpected answer, 130 interrupted.":
 "Aufruf: mailkeep-cmd [Optionen] [-c <Befehl> [--argument=wert ...]]\n\n  --h=<Server[:Port]>   der Mailkeep-Server (Vorgabe localhost:8463)\n  --u=<Benutzer>        der Benutzername\n  --p=<Kennwort>        das Kennwort; sonst $MAILKEEP_PASSWORD, sonst die\n                        Anmeldedatei\n  --cred=<Benutzer>@<Server> das für diesen Benutzer und Server in der Anmeldedatei\n                        hinterlegte Kennwort (~/.config/mailkeep/credentials, Modus 0600)\n  --pkv3=<Fingerabdruck> der SHA-256-Fingerabdruck des zu akzeptierenden Serverzertifikats\n  --nologo              kein Logo\n  --o=<Datei>           alles in diese Datei statt auf die Konsole;\n                        {DATE} und {TIME} werden ersetzt\n  -c <Befehl> ...       einen Befehl ausführen und beenden (muss die letzte Option sein)\n\nOhne -c ist die Shell interaktiv; dort zeigt help die Befehle.\nExit-Codes: 0 Erfolg, 1 Befehl fehlgeschlagen, 2 falsche Argumente, 3 unbekannter Befehl,\n4 Verbindung fehlgeschlagen, 5 Zertifikat abgelehnt, 6 Anmeldung fehlgeschlagen,\n7 unerwartete Antwort, 130 abgebrochen.",
}

CONSOLE = {
"Exporting messages…": "Nachrichten werden exportiert…",
"Cancel": "Abbrechen",
"Export": "Exportieren",
"%1 messages exported; %2 could not be read or written.": "%1 Nachrichten exportiert; %2 konnten nicht gelesen oder geschrieben werden.",
"Folder": "Ordner",
"yes": "ja",
"no": "nein",
"Date": "Datum",
"From": "Von",
"To": "An",
"Subject": "Betreff",
"Size": "Größe",
"Attachment": "Anhang",
"%n message(s)": ("%n Nachricht", "%n Nachrichten"),
"The certificate of the Microsoft 365 credential \"%1\" expires in %n day(s): create a new certificate and upload it to Entra ID.":
    ("Das Zertifikat der Microsoft 365-Anmeldeinformation „%1“ läuft in %n Tag ab: Erstellen Sie ein neues Zertifikat und laden Sie es in Entra ID hoch.",
     "Das Zertifikat der Microsoft 365-Anmeldeinformation „%1“ läuft in %n Tagen ab: Erstellen Sie ein neues Zertifikat und laden Sie es in Entra ID hoch."),
"%n message(s) so far": ("bisher %n Nachricht", "bisher %n Nachrichten"),
"%n Microsoft 365 profile(s) still use EWS, which Microsoft switches off in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile conversion tool.":
    ("%n Microsoft 365-Profil verwendet noch EWS, das Microsoft in %1 Tagen abschaltet: Stellen Sie es mit dem Microsoft 365-Profilkonvertierungswerkzeug auf Microsoft Graph um.",
     "%n Microsoft 365-Profile verwenden noch EWS, das Microsoft in %1 Tagen abschaltet: Stellen Sie sie mit dem Microsoft 365-Profilkonvertierungswerkzeug auf Microsoft Graph um."),
"%n Microsoft 365 profile(s) archive archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so they stop working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).":
    ("%n Microsoft 365-Profil archiviert Archivpostfächer oder öffentliche Ordner über EWS; Microsoft Graph erreicht sie nicht, daher funktioniert es nicht mehr, wenn EWS endet (in %1 Tagen oder früher, wo der Mandant EWS sperrt).",
     "%n Microsoft 365-Profile archivieren Archivpostfächer oder öffentliche Ordner über EWS; Microsoft Graph erreicht sie nicht, daher funktionieren sie nicht mehr, wenn EWS endet (in %1 Tagen oder früher, wo der Mandant EWS sperrt)."),
"%n message(s) found": ("%n Nachricht gefunden", "%n Nachrichten gefunden"),
"Export %n message(s) as:": ("%n Nachricht exportieren als:", "%n Nachrichten exportieren als:"),
"<b>%1</b> messages in %n archive store(s): <b>%2</b> of mail take <b>%3</b> on disk.":
 ("<b>%1</b> Nachrichten in %n Archivspeicher: <b>%2</b> E-Mails belegen <b>%3</b> auf dem Datenträger.",
  "<b>%1</b> Nachrichten in %n Archivspeichern: <b>%2</b> E-Mails belegen <b>%3</b> auf dem Datenträger."),
"Export…": "Exportieren…",
"Save the selected messages as EML files or one MBOX file": "Die ausgewählten Nachrichten als EML-Dateien oder als eine MBOX-Datei speichern",
"Copy": "Kopieren",
"Stop": "Anhalten",
"Mailkeep Management Shell - type help for the commands; Up and Down recall earlier commands.":
 "Mailkeep Management Shell – help zeigt die Befehle; Pfeil auf und ab holen frühere Befehle zurück.",
"Command, e.g. GetStores --includeSize=true": "Befehl, z. B. GetStores --includeSize=true",
"Run": "Lauf",
"Started": "Begonnen",
"Archived": "Archiviert",
"Failed": "Fehlgeschlagen",
"Refresh": "Aktualisieren",
"<h2>Dashboard</h2>": "<h2>Übersicht</h2>",
"Latest archiving runs (double-click for the report):": "Letzte Archivierungsläufe (Doppelklick zeigt den Bericht):",
"No backup of the archive was found. (Hide this warning with store-setprop --name=public.backup.hideNotDetectedWarningMessage --value=true.)":
 "Es wurde keine Sicherung des Archivs gefunden. (Diese Warnung blendet store-setprop --name=public.backup.hideNotDetectedWarningMessage --value=true aus.)",
"Signed in as <b>%1</b>.": "Angemeldet als <b>%1</b>.",
"Archive store %1 is %2.": "Der Archivspeicher %1 ist %2.",
"in error": "fehlerhaft",
"locked": "gesperrt",
"disabled": "deaktiviert",
"Storage per store (MB)": "Speicher je Archivspeicher (MB)",
"Original mail": "Ursprüngliche E-Mails",
"On disk": "Auf dem Datenträger",
"Messages archived per day, %1 to %2": "Archivierte Nachrichten pro Tag, %1 bis %2",
"Archiving report": "Archivierungsbericht",
"The report cannot be read.": "Der Bericht kann nicht gelesen werden.",
"Mailkeep - %1 on %2": "Mailkeep – %1 auf %2",
"Archive Email": "E-Mails archivieren",
"There are no archiving profiles yet.": "Es gibt noch keine Archivierungsprofile.",
"Export Email": "E-Mails exportieren",
"There are no export profiles yet.": "Es gibt noch keine Exportprofile.",
"Dashboard": "Übersicht",
"Archives": "Archive",
"My Archive": "Mein Archiv",
"Search Email": "E-Mails suchen",
"Administrative Tools - Archive Stores": "Administrative Werkzeuge – Archivspeicher",
"State": "Zustand",
"Messages": "Nachrichten",
"Original bytes": "Ursprüngliche Bytes",
"Stored bytes": "Gespeicherte Bytes",
"There are no archive stores.": "Es gibt keine Archivspeicher.",
"Administrative Tools": "Administrative Werkzeuge",
"Command Prompt": "Eingabeaufforderung",
"Connected to %1 (%2)": "Verbunden mit %1 (%2)",
"The connection to the server is lost (%1). Trying again every few seconds…": "Die Verbindung zum Server ist unterbrochen (%1). Neuer Versuch alle paar Sekunden…",
"&File": "&Datei",
"&Quit": "&Beenden",
"&Go": "&Gehe zu",
"&Language": "&Sprache",
"System language": "Sprache des Systems",
"Language": "Sprache",
"The language changes when the console is started again.": "Die Sprache wechselt beim nächsten Start der Konsole.",
"&Help": "&Hilfe",
"&About Mailkeep": "&Über Mailkeep",
"About Mailkeep": "Über Mailkeep",
"<h3>Mailkeep %1</h3><p>Email archiving for Linux.</p>": "<h3>Mailkeep %1</h3><p>E-Mail-Archivierung für Linux.</p>",
"Sign in again": "Erneut anmelden",
"The server no longer accepts the password of %1. Password:": "Der Server nimmt das Kennwort von %1 nicht mehr an. Kennwort:",
"Show source": "Quelltext anzeigen",
"Message source": "Quelltext der Nachricht",
"<i>Select a message to read it.</i>": "<i>Wählen Sie eine Nachricht, um sie zu lesen.</i>",
"<i>Loading…</i>": "<i>Wird geladen…</i>",
"The message cannot be shown: %1": "Die Nachricht kann nicht angezeigt werden: %1",
"(no subject)": "(kein Betreff)",
"From:": "Von:",
"To:": "An:",
"Cc:": "Cc:",
"Date:": "Datum:",
"Archived with defects: %1": "Mit Mängeln archiviert: %1",
"unnamed": "ohne Namen",
"Date from": "Datum von",
"With attachments only": "Nur mit Anhängen",
"Words, \"a phrase\", from:name, subject:word, -excluded, word*, date:2026-01-01..2026-03-31":
 "Wörter, \"eine Wortfolge\", from:name, subject:wort, -ausgeschlossen, wort*, date:2026-01-01..2026-03-31",
"every archive I may read": "jedes Archiv, das ich lesen darf",
"Search": "Suchen",
"Save search…": "Suche speichern…",
"Export results…": "Ergebnisse exportieren…",
"Subject:": "Betreff:",
"Folder:": "Ordner:",
"to": "bis",
"Searching…": "Suche läuft…",
"Save search": "Suche speichern",
"Name:": "Name:",
"Loading…": "Wird geladen…",
"Sign in": "Anmelden",
"Sign in to Mailkeep": "Bei Mailkeep anmelden",
"The Mailkeep server: host name, or host:port (default port 8463)": "Der Mailkeep-Server: Hostname oder Host:Port (Vorgabe Port 8463)",
"&Server:": "&Server:",
"&User name:": "&Benutzername:",
"&Password:": "&Kennwort:",
"<h2>Mailkeep</h2>Sign in with your Mailkeep user name.": "<h2>Mailkeep</h2>Melden Sie sich mit Ihrem Mailkeep-Benutzernamen an.",
"Signing in…": "Anmeldung läuft…",
"Enter your user name.": "Geben Sie Ihren Benutzernamen ein.",
"Certificate changed": "Zertifikat geändert",
"<p><b>The certificate of %1 is not the one trusted before.</b></p><p>Trusted: <tt>%2</tt><br>Presented now: <tt>%3</tt></p><p>Someone may be intercepting the connection. If the server's certificate was replaced on purpose, ask its administrator for the new fingerprint.</p>":
 "<p><b>Das Zertifikat von %1 ist nicht das bisher vertraute.</b></p><p>Vertraut: <tt>%2</tt><br>Jetzt vorgelegt: <tt>%3</tt></p><p>Möglicherweise fängt jemand die Verbindung ab. Wurde das Zertifikat des Servers absichtlich ersetzt, fragen Sie seinen Administrator nach dem neuen Fingerabdruck.</p>",
"Trust this server?": "Diesem Server vertrauen?",
"<p>The server %1 presented a certificate that is not signed by an authority this computer trusts.</p><p>Subject: %2<br>SHA-256 fingerprint:<br><tt>%3</tt></p><p>Compare the fingerprint with the one the server's administrator gave you. Trust it from now on?</p>":
 "<p>Der Server %1 hat ein Zertifikat vorgelegt, das von keiner Stelle signiert ist, der dieser Computer vertraut.</p><p>Inhaber: %2<br>SHA-256-Fingerabdruck:<br><tt>%3</tt></p><p>Vergleichen Sie den Fingerabdruck mit dem, den Ihnen der Administrator des Servers gegeben hat. Ab jetzt vertrauen?</p>",
"Trust": "Vertrauen",
"Not signed in: the server's certificate is not trusted.": "Nicht angemeldet: Dem Zertifikat des Servers wird nicht vertraut.",
"The server refused the sign-in.": "Der Server hat die Anmeldung abgelehnt.",
"EML files…": "EML-Dateien…",
"One MBOX file…": "Eine MBOX-Datei…",
"Export to folder": "In einen Ordner exportieren",
"Export to MBOX file": "In eine MBOX-Datei exportieren",
"MBOX files (*.mbox)": "MBOX-Dateien (*.mbox)",
"%1 cannot be written.": "%1 kann nicht geschrieben werden.",
"The Mailkeep console.": "Die Mailkeep-Konsole.",
"The server to sign in to.": "Der Server, bei dem angemeldet wird.",
"The user name.": "Der Benutzername.",
"ID": "ID",
"Name": "Name",
"User": "Benutzer",
"Double-click to open; right-click to save": "Doppelklick öffnet; Rechtsklick speichert",
"Open": "Öffnen",
"Save as…": "Speichern unter…",
"attachment": "anhang",
"Save attachment": "Anhang speichern",
"Delete…": "Löschen…",
"Delete messages": "Nachrichten löschen",
"Delete %n message(s) from the archive for good? The reason is written to the audit log:":
 ("%n Nachricht endgültig aus dem Archiv löschen? Der Grund wird im Prüfprotokoll vermerkt:",
  "%n Nachrichten endgültig aus dem Archiv löschen? Der Grund wird im Prüfprotokoll vermerkt:"),
"A reason is needed.": "Ein Grund ist erforderlich.",
"Verify stores": "Archivspeicher prüfen",
"Refresh statistics": "Statistik aktualisieren",
"%1: stopped.": "%1: angehalten.",
"%1: done.": "%1: erledigt.",
"Starting…": "Wird gestartet…",
"Stopping…": "Wird angehalten…",
"Move to…": "Verschieben nach…",
"Move the selected messages into another archive folder":
 "Die ausgewählten Nachrichten in einen anderen Archivordner verschieben",
"Move messages": "Nachrichten verschieben",
"Type": "Typ",
"Protocol": "Protokoll",
"Automatic": "Automatisch",
"Last run ended": "Letzter Lauf beendet",
"Run now": "Jetzt ausführen",
"EML files in a folder": "EML-Dateien in einem Ordner",
"MBOX file": "MBOX-Datei",
"Bulk import (a folder per user)": "Massenimport (ein Ordner pro Benutzer)",
"IMAP mailbox": "IMAP-Postfach",
"IMAP, several mailboxes": "IMAP, mehrere Postfächer",
"IMAP journal mailbox": "IMAP-Journalpostfach",
"Microsoft 365 mailbox": "Microsoft 365-Postfach",
"Microsoft 365, several mailboxes": "Microsoft 365, mehrere Postfächer",
"Microsoft 365 mailbox (EWS)": "Microsoft 365-Postfach (EWS)",
"Microsoft 365 mailbox (IMAP)": "Microsoft 365-Postfach (IMAP)",
"Microsoft 365, several mailboxes (EWS)": "Microsoft 365, mehrere Postfächer (EWS)",
"Microsoft 365 archive mailbox (EWS)": "Microsoft 365-Archivpostfach (EWS)",
"Microsoft 365, several archive mailboxes (EWS)": "Microsoft 365, mehrere Archivpostfächer (EWS)",
"Microsoft 365 public folders (EWS)": "Öffentliche Ordner in Microsoft 365 (EWS)",
"The certificate of the Microsoft 365 credential \"%1\" has expired: create a new certificate and upload it to Entra ID.": "Das Zertifikat der Microsoft 365-Anmeldeinformation „%1“ ist abgelaufen: Erstellen Sie ein neues Zertifikat und laden Sie es in Entra ID hoch.",


"Move %n message(s) into this folder:":
 ("%n Nachricht in diesen Ordner verschieben:", "%n Nachrichten in diesen Ordner verschieben:"),
"%n message(s) stayed where they were: the folder holds them already.":
 ("%n Nachricht blieb an ihrem Platz: Der Ordner enthält sie bereits.",
  "%n Nachrichten blieben an ihrem Platz: Der Ordner enthält sie bereits."),
"Open the conversion tool": "Konvertierungstool öffnen",
"Archive Stores": "Archivspeicher",
"Microsoft 365 Profile Conversion": "Microsoft 365-Profilkonvertierung",
"about a minute": "etwa eine Minute",
"about %n minute(s)": ("etwa %n Minute", "etwa %n Minuten"),
"about %n hour(s)": ("etwa %n Stunde", "etwa %n Stunden"),
"not seen": "nicht gesehen",
"Test conversion": "Konvertierung testen",
"Convert…": "Konvertieren…",
"Pre-flight report": "Vorabbericht",
"Profile": "Profil",
"Kind": "Art",
"When EWS ends": "Wenn EWS endet",
"Becomes": "Wird zu",
"Why": "Begründung",
"Builds the converted profile and tests it without saving anything.":
 "Erstellt das konvertierte Profil und testet es, ohne etwas zu speichern.",
"Tests the conversion and, once every check has passed and you confirm, saves the profile with its new protocol.":
 "Testet die Konvertierung und speichert das Profil mit seinem neuen Protokoll, sobald jede Prüfung bestanden ist und Sie bestätigen.",
"Lists the folders and item counts as EWS and Microsoft Graph see them, and estimates how long the first Graph run takes.":
 "Listet die Ordner und Elementzahlen auf, wie EWS und Microsoft Graph sie sehen, und schätzt, wie lange der erste Graph-Lauf dauert.",
"Microsoft 365 Profile Conversion Tool": "Microsoft 365-Profilkonvertierungstool",
"This server has no conversion tool.": "Dieser Server hat kein Konvertierungstool.",
"Microsoft switches EWS off on %1, in %n day(s); tenants have been blocking it since 1 October 2026 unless they allowed it again.":
 ("Microsoft schaltet EWS am %1 ab, in %n Tag; Mandanten sperren es seit dem 1. Oktober 2026, sofern sie es nicht wieder erlaubt haben.",
  "Microsoft schaltet EWS am %1 ab, in %n Tagen; Mandanten sperren es seit dem 1. Oktober 2026, sofern sie es nicht wieder erlaubt haben."),
"There are no Microsoft 365 profiles: nothing to convert.":
 "Es gibt keine Microsoft 365-Profile: Es ist nichts zu konvertieren.",
"%n profile(s) still use EWS and can be converted: test them, then convert.":
 ("%n Profil verwendet noch EWS und kann konvertiert werden: Testen Sie es, dann konvertieren Sie es.",
  "%n Profile verwenden noch EWS und können konvertiert werden: Testen Sie sie, dann konvertieren Sie sie."),
"%n profile(s) archive archive mailboxes or public folders, which Microsoft Graph cannot reach: they stop working when EWS ends.":
 ("%n Profil archiviert Archivpostfächer oder öffentliche Ordner, die Microsoft Graph nicht erreicht: Es funktioniert nicht mehr, wenn EWS endet.",
  "%n Profile archivieren Archivpostfächer oder öffentliche Ordner, die Microsoft Graph nicht erreicht: Sie funktionieren nicht mehr, wenn EWS endet."),
"%n profile(s) already use Microsoft Graph or IMAP.":
 ("%n Profil verwendet bereits Microsoft Graph oder IMAP.", "%n Profile verwenden bereits Microsoft Graph oder IMAP."),
"Converted automatically": "Wird automatisch konvertiert",
"Stops working": "Funktioniert nicht mehr",
"Not needed": "Nicht nötig",
"Archiving": "Archivierung",
"Check": "Prüfung",
"Result": "Ergebnis",
"What was seen": "Was festgestellt wurde",
"How to fix": "Abhilfe",
"Passed": "Bestanden",
"Every check passed: %1 can be converted to %2. Nothing was saved.":
 "Jede Prüfung ist bestanden: %1 kann zu %2 konvertiert werden. Es wurde nichts gespeichert.",
"Not every check passed: fix what is listed below, then test again. Nothing was saved.":
 "Nicht jede Prüfung ist bestanden: Beheben Sie, was unten aufgeführt ist, und testen Sie erneut. Es wurde nichts gespeichert.",
"Convert": "Konvertieren",
"%1 was not converted: fix the failed checks below first.":
 "%1 wurde nicht konvertiert: Beheben Sie zuerst die fehlgeschlagenen Prüfungen unten.",
"Convert profile": "Profil konvertieren",
"Every check passed. Convert %1 to %2?\n\nThe profile keeps its name, owner, schedule, target, folders, filters and deletion rules, and its next run goes on where EWS left off, without archiving anything twice.":
 "Jede Prüfung ist bestanden. %1 zu %2 konvertieren?\n\nDas Profil behält Name, Besitzer, Zeitplan, Ziel, Ordner, Filter und Löschregeln, und sein nächster Lauf macht dort weiter, wo EWS aufgehört hat, ohne etwas doppelt zu archivieren.",
"%1 was not converted.": "%1 wurde nicht konvertiert.",
"%1 now uses %2 (%n folder(s) handed over).":
 ("%1 verwendet jetzt %2 (%n Ordner übergeben).", "%1 verwendet jetzt %2 (%n Ordner übergeben)."),
"Mailbox and folders": "Postfach und Ordner",
"Items via EWS": "Elemente über EWS",
"Items via Graph": "Elemente über Graph",
"Note": "Hinweis",
"First Graph run: %1": "Erster Graph-Lauf: %1",
"Microsoft Graph does not reach this folder: its mail is not archived after the conversion.":
 "Microsoft Graph erreicht diesen Ordner nicht: Seine E-Mails werden nach der Konvertierung nicht archiviert.",
"The first Graph run of %1 takes %2.": "Der erste Graph-Lauf von %1 dauert %2.",
"%n folder(s) are not reached by Microsoft Graph.":
 ("%n Ordner wird von Microsoft Graph nicht erreicht.", "%n Ordner werden von Microsoft Graph nicht erreicht."),
"%n mailbox(es) could not be read through both EWS and Microsoft Graph: see the note, fix it and run the report again.":
 ("%n Postfach konnte nicht über EWS und Microsoft Graph gelesen werden: Lesen Sie den Hinweis, beheben Sie die Ursache und erstellen Sie den Bericht erneut.",
  "%n Postfächer konnten nicht über EWS und Microsoft Graph gelesen werden: Lesen Sie die Hinweise, beheben Sie die Ursache und erstellen Sie den Bericht erneut."),
}
GERMAN.update(CONSOLE)


path = sys.argv[1] if len(sys.argv) > 1 else 'translations/mailkeep_de.ts'
tree = ET.parse(path)
missing = []
for message in tree.getroot().iter('message'):
    source = message.find('source').text
    translation = message.find('translation')
    if source in GERMAN:
        set_translation(message, GERMAN[source])
    elif translation.get('type') == 'unfinished' or not translation.text:
        missing.append(source)
write_ts(tree, path)
if missing:
    print('untranslated:', *missing, sep='\n  ')
    sys.exit(1)
