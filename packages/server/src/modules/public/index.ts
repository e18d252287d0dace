import type { RouteDef } from '../../http/route';
import { getConsultationRoute, handleConsultationRoute, listConsultationsRoute, submitConsultationRoute } from './consultations/routes';
import { getPublicProfileRoute, updatePublicProfileRoute } from './profile.route';

/** JSON API routes of the public-pages module (the HTML pages are in pages.route.ts). */
export const publicPageApiRoutes: RouteDef[] = [getPublicProfileRoute, updatePublicProfileRoute, submitConsultationRoute, listConsultationsRoute, getConsultationRoute, handleConsultationRoute];

export { publicPages } from './pages.route';
