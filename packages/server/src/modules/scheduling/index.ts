import type { RouteDef } from '../../http/route';
import { appointmentActionRoutes } from './appointment-actions.route';
import { createAppointmentRoute, listAppointmentsRoute } from './appointments.route';
import { bookingRoutes } from './booking.route';
import { resourceRoutes } from './resources.route';
import './withdrawal';

export const schedulingRoutes: RouteDef[] = [...resourceRoutes, listAppointmentsRoute, createAppointmentRoute, ...appointmentActionRoutes, ...bookingRoutes];
