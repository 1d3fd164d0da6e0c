// The WhatsApp preview pieces the Simulator uses (owned by components/whatsapp-preview).
export { TemplateBubble, TextBubble, BubbleTime, TemplateButtonRow, formatWhatsAppText, PhoneFrame } from '@/components/whatsapp-preview';
export { useWaColors } from '@/components/whatsapp-preview/wa-theme';
