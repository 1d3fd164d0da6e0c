// The WhatsApp phone preview, shared by the template designer and the Simulator.
export { PhoneFrame } from '@/components/whatsapp-preview/phone-frame';
export { TemplateBubble } from '@/components/whatsapp-preview/template-bubble';
export { TextBubble, BubbleTime } from '@/components/whatsapp-preview/text-bubble';
export { TemplateButtons, TemplateButtonRow } from '@/components/whatsapp-preview/template-buttons';
export { formatWhatsAppText } from '@/components/whatsapp-preview/format-whatsapp-text';
export { WA_COLORS, type WaTheme } from '@/components/whatsapp-preview/wa-theme';
