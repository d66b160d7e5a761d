import { IMPOSSIBLE, VersionInfo } from '@start9labs/start-sdk';
import { prepareUpgrade } from '../lib/upgrade.js';

/**
 * 1.0.0:0 follows the earlier Spark Control package (same id, versions up to 0.24.0:0), so StartOS
 * offers it as an update. Its `up` runs for any earlier version: the volume stays, and init then
 * makes Configure Sparks critical and offers Import Earlier Settings.
 */
export const current = VersionInfo.of({
  version: '1.0.0:0',
  releaseNotes: {
    en_US: `Spark Control 1.0 replaces the earlier Spark Control package with a new service. Your data volume is kept.

**After updating**
- Configure Sparks is required once before the service starts. To bring over your earlier settings, run **Import Earlier Settings** first and paste its KEY=value lines (spark1_host, VLLM_PORT, NVIDIA_API_KEY, …): it shows a preview, names every line it does not understand and saves only when you confirm.
- Apps that called \`/scrub\`, \`/rehydrate\`, \`/api/endpoints\` or \`/api/matrix-bridge/…\` keep working; those addresses are deprecated aliases of the new ones (see the API guide).

**What is new**
- One dashboard for every service on every Spark, one-click model swaps with rollback, an OpenAI-compatible gateway for chat, embeddings, speech and search, redaction before text leaves your network, and reasoning tasks on NVIDIA's hosted models with a local fallback.
- Everything is set from StartOS: Configure Sparks now has every setting, advanced ones (ports, timeouts, queue, model folders, Hugging Face token, cluster addresses) in their own section.
- New actions: Create API Token, Show Admin Password, Reset Admin Password, Import Earlier Settings.
- A health check per Spark and one for the gateway; a StartOS notification when a Spark stops answering or a model swap fails.`,
    es_ES: `Spark Control 1.0 sustituye al paquete anterior de Spark Control por un servicio nuevo. Su volumen de datos se conserva.

**Tras actualizar**
- Configurar Sparks es obligatorio una vez antes de iniciar el servicio. Para traer sus ajustes anteriores, ejecute primero **Importar ajustes anteriores** y pegue sus líneas CLAVE=valor (spark1_host, VLLM_PORT, NVIDIA_API_KEY, …): muestra una vista previa, nombra cada línea que no entiende y solo guarda cuando usted lo confirma.
- Las aplicaciones que llamaban a \`/scrub\`, \`/rehydrate\`, \`/api/endpoints\` o \`/api/matrix-bridge/…\` siguen funcionando; esas direcciones son alias obsoletos de las nuevas (vea la guía de la API).

**Novedades**
- Un panel para cada servicio de cada Spark, cambio de modelo con un clic y vuelta atrás, una pasarela compatible con OpenAI para chat, embeddings, voz y búsqueda, anonimización antes de que el texto salga de su red y tareas de razonamiento con los modelos de NVIDIA y un respaldo local.
- Todo se ajusta desde StartOS: Configurar Sparks tiene ahora todos los ajustes; los avanzados (puertos, tiempos, cola, carpetas de modelos, token de Hugging Face, direcciones del clúster) en su propia sección.
- Acciones nuevas: Crear token de API, Mostrar contraseña de administrador, Restablecer contraseña de administrador, Importar ajustes anteriores.
- Una comprobación de salud por Spark y otra para la pasarela; una notificación de StartOS cuando un Spark deja de responder o falla un cambio de modelo.`,
    de_DE: `Spark Control 1.0 ersetzt das frühere Spark-Control-Paket durch einen neuen Dienst. Ihr Datenvolume bleibt erhalten.

**Nach dem Update**
- „Sparks konfigurieren“ muss einmal ausgeführt werden, bevor der Dienst startet. Um Ihre früheren Einstellungen zu übernehmen, führen Sie zuerst **Frühere Einstellungen importieren** aus und fügen deren SCHLÜSSEL=Wert-Zeilen ein (spark1_host, VLLM_PORT, NVIDIA_API_KEY, …): Sie sehen eine Vorschau, jede nicht verstandene Zeile wird genannt, gespeichert wird erst nach Ihrer Bestätigung.
- Apps, die \`/scrub\`, \`/rehydrate\`, \`/api/endpoints\` oder \`/api/matrix-bridge/…\` aufrufen, funktionieren weiter; diese Adressen sind veraltete Aliasse der neuen (siehe API-Leitfaden).

**Neu**
- Ein Dashboard für jeden Dienst auf jedem Spark, Modellwechsel mit einem Klick samt Rückfall, ein OpenAI-kompatibles Gateway für Chat, Embeddings, Sprache und Suche, Schwärzung bevor Text Ihr Netz verlässt, und Reasoning-Aufgaben mit NVIDIAs gehosteten Modellen und lokalem Rückfall.
- Alles wird in StartOS eingestellt: „Sparks konfigurieren“ enthält jetzt jede Einstellung, die erweiterten (Ports, Zeitlimits, Warteschlange, Modellordner, Hugging-Face-Token, Cluster-Adressen) in einem eigenen Abschnitt.
- Neue Aktionen: API-Token erstellen, Admin-Passwort anzeigen, Admin-Passwort zurücksetzen, Frühere Einstellungen importieren.
- Eine Zustandsprüfung je Spark und eine für das Gateway; eine StartOS-Benachrichtigung, wenn ein Spark nicht mehr antwortet oder ein Modellwechsel fehlschlägt.`,
  },
  migrations: {
    up: async () => {
      await prepareUpgrade();
    },
    down: IMPOSSIBLE,
  },
});
