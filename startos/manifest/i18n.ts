export const short = {
  en_US: 'Run a private AI cluster of NVIDIA DGX Sparks',
  es_ES: 'Un clúster de IA privado con NVIDIA DGX Spark',
  de_DE: 'Ein privater KI-Cluster aus NVIDIA DGX Sparks',
};

export const long = {
  en_US:
    'Spark Control turns two or more NVIDIA DGX Spark machines into a private AI appliance. One dashboard shows every service on every Spark, swaps the model vLLM serves in one click, and offers one OpenAI-compatible address for chat, embeddings, speech and search. Text leaves your network only after redaction; audio never does.',
  es_ES:
    'Spark Control convierte dos o más NVIDIA DGX Spark en un dispositivo de IA privado. Un panel muestra cada servicio de cada Spark, cambia el modelo de vLLM con un clic y ofrece una dirección compatible con OpenAI para chat, embeddings, voz y búsqueda. El texto solo sale de su red tras ser anonimizado; el audio nunca.',
  de_DE:
    'Spark Control macht zwei oder mehr NVIDIA DGX Sparks zu einer privaten KI-Appliance. Ein Dashboard zeigt jeden Dienst auf jedem Spark, wechselt das vLLM-Modell mit einem Klick und bietet eine OpenAI-kompatible Adresse für Chat, Embeddings, Sprache und Suche. Text verlässt Ihr Netz nur geschwärzt, Audio nie.',
};
