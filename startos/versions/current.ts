import { IMPOSSIBLE, VersionInfo } from '@start9labs/start-sdk';

export const current = VersionInfo.of({
  version: '0.1.0:0',
  releaseNotes: {
    en_US: `First release of Spark Control for StartOS.

- One dashboard for your NVIDIA DGX Sparks, served on port 9999.
- Configure Sparks action: Spark addresses, SSH users and ports, the vLLM container and launch script, hidden and custom services, the bot, NVIDIA reasoning keys and the webhook. Changes apply live, without a restart.
- Set Admin Password action.
- The whole data volume is included in StartOS backups.`,
    es_ES: `Primera versión de Spark Control para StartOS.

- Un panel para sus NVIDIA DGX Spark, servido en el puerto 9999.
- Acción Configurar Sparks: direcciones, usuarios y puertos SSH, contenedor y script de vLLM, servicios ocultos y personalizados, el bot, claves de NVIDIA y el webhook. Los cambios se aplican en vivo, sin reiniciar.
- Acción Establecer contraseña de administrador.
- Todo el volumen de datos se incluye en las copias de seguridad de StartOS.`,
    de_DE: `Erste Version von Spark Control für StartOS.

- Ein Dashboard für Ihre NVIDIA DGX Sparks auf Port 9999.
- Aktion „Sparks konfigurieren“: Spark-Adressen, SSH-Benutzer und -Ports, vLLM-Container und Startskript, ausgeblendete und eigene Dienste, der Bot, NVIDIA-Schlüssel und der Webhook. Änderungen wirken sofort, ohne Neustart.
- Aktion „Admin-Passwort festlegen“.
- Das gesamte Datenvolume ist in StartOS-Backups enthalten.`,
  },
  migrations: {
    up: async () => {},
    down: IMPOSSIBLE,
  },
});
