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
    <name>main</name>
    <message>
        <source>The output file %1 cannot be written: %2</source>
        <translation>Die Ausgabedatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
</TS>
