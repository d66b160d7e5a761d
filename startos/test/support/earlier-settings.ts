/** Settings as the earlier (Python) package kept them, with the lines an owner may also paste. */
export const EARLIER_SETTINGS = `# Spark Control 0.24 settings
spark1_host=192.168.1.50
spark2_host="spark2.lan"
VLLM_PORT=8000
VLLM_CONTAINER=vllm_node
DISABLED_SERVICES=kokoro, tts,bge-m3
matrix_bridge_user=matrix
export NVIDIA_API_KEY='nvapi-earlier-key'
NVIDIA_MODEL=nvidia/nemotron-3-super-120b-a12b
NVIDIA_FALLBACK_MODEL=nvidia/llama-3.3-nemotron-super-49b-v1
ALLOW_LOCAL_FALLBACK=yes
WEBUI_PORT=3000
this line is no setting

DISABLED_SERVICES_EXTRA=
`;
